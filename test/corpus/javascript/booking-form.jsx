// Corpus file: written for this project's scanner tests, modelled on the shape of public React apps that
// use posthog-js (a booking form that captures success and failure). No third-party code is copied.
import { useState } from 'react'
import posthog from 'posthog-js'
import { createBooking } from '../lib/api'

export default function BookingForm({ eventId, slug }) {
  const [email, setEmail] = useState('')
  const [loading, setLoading] = useState(false)

  async function onSubmit(e) {
    e.preventDefault()
    setLoading(true)
    const { success } = await createBooking({ eventId, slug, email })
    setLoading(false)
    if (success) {
      posthog.capture("event_booked", { eventId, slug }) // @ph event event_booked
    } else {
      console.error('Booking failed')
      posthog.capture("booking_failed", { eventId }) // @ph event booking_failed
    }
  }

  return (
    <form onSubmit={onSubmit}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} placeholder="you@example.com" />
      <button disabled={loading} onClick={() => posthog.capture('book_button_clicked')}>Book</button> {/* @ph event book_button_clicked */}
      <p>We'll send a confirmation to your inbox; don't worry about "spam".</p>
    </form>
  )
}
