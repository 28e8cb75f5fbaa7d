"""The managers' side: where manager notifications go (:mod:`.manager_desk`), request cards
(:mod:`.cards`), and the managers' conversations (actions on a card, commands, invitations,
link approvals, transfer decisions, session bills)."""
