"""Demo data for Cần Thơ, above every app: ``nangsuat seed_demo`` loads, in this order, the agencies and
one account per role (``accounts``), 300 enterprises (``enterprises``, names from ``names``), then the
calls and 40 dossiers walked through the workflow by the same services the pages use (``dossiers``,
``walk``). Production code never imports this package."""
