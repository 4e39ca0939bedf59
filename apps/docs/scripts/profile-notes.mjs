// Human-readable explanations of the profile fields that differ between versions (the versions page).
export const FIELD_NOTES = {}
