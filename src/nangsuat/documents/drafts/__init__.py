"""Documents drawn on demand from a record, never entered in the register: a council member's scoring
sheet (B8-ĐGNV), the city's decision drafted for the director's Tờ trình. They carry no number of
the Department's (the sheet has none; the city gives its decision its own), so they need no counter
and leave no row in the register: each download draws the current record again."""
