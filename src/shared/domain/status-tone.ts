// The one set of status colours every badge, chip and row uses (the design system maps each to a
// semantic colour token): the same outcome gets the same tone everywhere.
export type StatusTone = 'success' | 'failure' | 'warning' | 'pending' | 'neutral';
