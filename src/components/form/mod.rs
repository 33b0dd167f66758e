//! The application form's widgets: fields, choices, the error summary and step navigation.
