"""The customers' conversations, one module (or package, for a large one) per flow, named as
the flow, its text section and its payload prefix are."""
