"""The health-insurance card: signed QR payload, issuer keys, card image."""
