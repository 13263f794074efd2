/** The editor features' shared parts, for the commands that need them (one instance per activation). */
import type { EventDefinitions } from '../../views/model/code/eventDefinitions';
import type { EventVolumeCache } from '../../views/model/code/eventVolume';
import type { FlagCache } from '../../views/model/code/flagCache';
import type { FlagDetails } from '../../views/model/code/flagDetails';
import type { DocumentScans } from './documentScans';

export interface EditorLanguage {
  scans: DocumentScans;
  flags: FlagCache;
  details: FlagDetails;
  events: EventDefinitions;
  volumes: EventVolumeCache;
  languages: readonly string[];
  signedIn(): boolean;
}

let current: EditorLanguage | undefined;

export function editorLanguage(): EditorLanguage | undefined {
  return current;
}

export function setEditorLanguage(value: EditorLanguage | undefined): void {
  current = value;
}
