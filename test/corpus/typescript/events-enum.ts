// Corpus file: written for the scanner tests, modelled on codebases that keep event names in an enum
// and flag keys in constants. No third-party code is copied.
import posthog from 'posthog-js'

export enum AnalyticsEvent {
  ProjectCreated = 'project_created',
  ProjectDeleted = 'project_deleted',
  InviteSent = 'invite_sent',
}

const NEW_EDITOR = 'new-editor'
export const DARK_MODE_FLAG: string = 'dark-mode'

export function onProjectCreated(id: string): void {
  posthog.capture(AnalyticsEvent.ProjectCreated, { id }) // @ph event project_created const
}

export function onProjectDeleted(id: string): void {
  posthog.capture(AnalyticsEvent.ProjectDeleted, { id }) // @ph event project_deleted const
}

export function onInvite(email: string): void {
  posthog.capture(AnalyticsEvent.InviteSent, { domain: email.split('@')[1] }) // @ph event invite_sent const
}

export function editorEnabled(): boolean {
  return posthog.isFeatureEnabled(NEW_EDITOR) ?? false // @ph flag new-editor const
}

export function darkMode(): boolean {
  return !!posthog.isFeatureEnabled(DARK_MODE_FLAG) // @ph flag dark-mode const
}

export function track(name: string, props?: Record<string, unknown>): void {
  posthog.capture(name, props)
}
