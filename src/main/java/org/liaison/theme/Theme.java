package org.liaison.theme;

import io.quarkus.runtime.annotations.RegisterForReflection;
/** A cooperation theme of the codebook (section 4) and the domain it belongs to. */
@RegisterForReflection
public record Theme(String code, String domain, String label) {
}
