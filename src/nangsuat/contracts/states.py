"""The dossier states of the contract stage, grouped as the contract pages and the budget read them
(the states themselves: ``dossiers.states``)."""

from nangsuat.dossiers.states import State

# A dossier under a contract, from its signature to the payment, in workflow order.
CONTRACT_STATES = (
    State.CONTRACTED,
    State.IN_PROGRESS,
    State.COMPLETION_REQUESTED,
    State.INSPECTED,
    State.ACCEPTED,
    State.NOT_ACCEPTED,
    State.LIQUIDATED,
    State.PAID,
)

# The contract list's state filter: those, and a terminated contract last.
CONTRACT_LIST_STATES = (*CONTRACT_STATES, State.TERMINATED)

# The enterprise sends progress reports while the contract runs.
REPORTING_STATES = frozenset({State.CONTRACTED, State.IN_PROGRESS})
