package org.liaison.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a verified token's groups into the service's roles ({@link Role}), with what each
 * includes. The identity keeps only those: a group that happens to be spelt "admin" in an
 * identity provider where the admin group is configured as something else grants nothing.
 */
@ApplicationScoped
public class GroupRoles implements SecurityIdentityAugmentor {

    /** Configured group name to role. */
    private final Map<String, String> roleOfGroup;

    public GroupRoles(AuthConfig config) {
        Map<String, String> groupOf = Map.of(Role.EDITOR, config.roles().editor(), Role.REVIEWER, config.roles().reviewer(),
                Role.ADMIN, config.roles().admin());
        Map<String, String> byGroup = new HashMap<>();
        for (String role : Role.ALL) { // one group named for two roles gives the stronger
            byGroup.putIfAbsent(groupOf.get(role), role);
        }
        this.roleOfGroup = Map.copyOf(byGroup);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addRoles(roles(identity.getRoles())).build());
    }

    /** The roles that these groups give. */
    Set<String> roles(Set<String> groups) {
        Set<String> roles = new TreeSet<>();
        for (String group : groups) {
            String role = roleOfGroup.get(group);
            if (role != null) {
                roles.addAll(Role.INCLUDES.get(role));
            }
        }
        return roles;
    }
}
