package org.liaison.theme;

/** A cooperation theme of the codebook (section 4) and the domain it belongs to. */
public record Theme(String code, String domain, String label) {
}
