from django.test import Client


def client_for(user) -> Client:
    """A test client signed in as ``user`` (pages; the tests that use it lift the staff TOTP rule)."""
    client = Client()
    client.force_login(user)
    return client
