"""Paying for household health insurance and voluntary social insurance (issue 16): the
payment-provider interface and its providers, the orders, and the receipts."""
