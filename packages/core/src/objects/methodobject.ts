// Placeholder: implemented by the owning engineer (see CONTRIBUTING.md).
export {}
