"""Login: one-time codes by SMS, login tickets and device sessions."""
