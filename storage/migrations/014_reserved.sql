-- Reserved for another change of this release (the branches are merged in number order).
SELECT 1;
