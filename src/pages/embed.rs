//! Placeholder: the partner page and the frame (ported by the embed work).
