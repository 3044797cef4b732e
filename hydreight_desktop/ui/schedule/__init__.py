"""The schedule view: a custom-painted day/week grid of CSP bookings."""
