//! End to end in a real editor: placeholder until written.
