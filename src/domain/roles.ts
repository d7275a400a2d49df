// The roles a user can have in a municipality: administrator (users and everything below), redaktør (plans,
// rounds and texts), læser (reads the municipality's drafts).
export const ROLES = ['administrator', 'redaktør', 'læser'] as const;
export type Role = (typeof ROLES)[number];
