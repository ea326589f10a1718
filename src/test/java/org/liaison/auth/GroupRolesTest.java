package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Groups of a token to the service's roles, with what each role includes. */
class GroupRolesTest {

    static AuthConfig config(String editor, String reviewer, String admin) {
        return new AuthConfig() {
            @Override
            public boolean publicReads() {
                return true;
            }

            @Override
            public Roles roles() {
                return new Roles() {
                    @Override
                    public String editor() {
                        return editor;
                    }

                    @Override
                    public String reviewer() {
                        return reviewer;
                    }

                    @Override
                    public String admin() {
                        return admin;
                    }
                };
            }
        };
    }

    @Test
    void eachRoleIncludesTheWeakerOnes() {
        GroupRoles roles = new GroupRoles(config(Role.EDITOR, Role.REVIEWER, Role.ADMIN));
        assertEquals(Set.of("editor"), roles.roles(Set.of("editor", "offline_access")));
        assertEquals(Set.of("editor", "reviewer"), roles.roles(Set.of("reviewer")));
        assertEquals(Set.of("editor", "reviewer", "admin"), roles.roles(Set.of("admin")));
        assertEquals(Set.of(), roles.roles(Set.of("visitor", "Admin")));
    }

    @Test
    void groupsAreReadUnderTheConfiguredNamesOnly() {
        GroupRoles roles = new GroupRoles(config("liaison-editors", "liaison-reviewers", "/liaison/admins"));
        assertEquals(Set.of("editor", "reviewer", "admin"), roles.roles(Set.of("/liaison/admins")));
        assertEquals(Set.of("editor"), roles.roles(Set.of("liaison-editors")));
        // an identity provider's own "admin" group is not this service's admin
        assertEquals(Set.of(), roles.roles(Set.of("admin", "reviewer", "editor")));
    }

    @Test
    void oneGroupNamedForTwoRolesGivesTheStronger() {
        GroupRoles roles = new GroupRoles(config("staff", "staff", "root"));
        assertEquals(Set.of("editor", "reviewer"), roles.roles(Set.of("staff")));
    }
}
