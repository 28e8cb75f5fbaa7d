"""What the managers' web desk shows, read and worded without any web code: the figures and
their charts, a customer's file, the week of remote sessions and the data exports. Each
page calls one function here with a unit of work, the policy and an explicit day."""
