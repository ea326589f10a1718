package org.liaison.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of the service and what each includes, as data: a reviewer may do all an editor
 * may, an admin all a reviewer may. Tokens name roles in their {@code groups} claim under names
 * of the deployment's choosing ({@link AuthConfig.Roles}); {@link GroupRoles} turns those into
 * these, so the resources' {@code @RolesAllowed} name these constants only.
 */
public final class Role {

    /** Create, replace (without changing the status), import, store articles. */
    public static final String EDITOR = "editor";
    /** An editor's rights, plus changes of the review status (draft, verified, rejected). */
    public static final String REVIEWER = "reviewer";
    /** Everything, plus delete. */
    public static final String ADMIN = "admin";

    /** Each role and the roles it includes (itself too). */
    static final Map<String, Set<String>> INCLUDES = Map.of(
            EDITOR, Set.of(EDITOR),
            REVIEWER, Set.of(REVIEWER, EDITOR),
            ADMIN, Set.of(ADMIN, REVIEWER, EDITOR));

    /** Strongest first: the role a message names as what a caller has. */
    static final List<String> ALL = List.of(ADMIN, REVIEWER, EDITOR);

    private Role() {
    }

    /** The strongest of the service's roles the caller has (what the audit trail records), or null. */
    public static String strongest(SecurityContext caller) {
        return ALL.stream().filter(caller::isUserInRole).findFirst().orElse(null);
    }

    /** The role a write of this HTTP method needs at least (the resources' annotations say the same). */
    static String neededFor(String method) {
        return "DELETE".equals(method) ? ADMIN : EDITOR;
    }
}
