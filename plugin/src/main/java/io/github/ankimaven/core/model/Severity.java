package io.github.ankimaven.core.model;

/** How a finding affects the build: errors fail it, warnings are reported only. */
public enum Severity {
    ERROR,
    WARNING
}
