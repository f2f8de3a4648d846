"""Pages of the contracts app: the contracts and the city list."""
