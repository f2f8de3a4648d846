"""The registry's pages, one module per subject: enterprises, membership claims, bulk import."""
