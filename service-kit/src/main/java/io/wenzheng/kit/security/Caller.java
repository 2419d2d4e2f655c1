package io.wenzheng.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and which unit's petitions they may see. Unit staff without a city-wide role are confined to the
 * unit in their token's {@code unit} claim on every endpoint; this class is where that rule lives.
 */
@RequestScoped
public class Caller {
    public static final String UNIT_CLAIM = "unit";
    /** Matches no unit: unit staff whose token lacks the claim see nothing rather than everything. */
    private static final String NO_UNIT = "(no unit claim)";
    private static final Set<String> CITY_WIDE = Set.of(Roles.OPERATOR, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN);

    @Inject
    SecurityIdentity identity;

    /** The {@code unit} claim, if the token has one. */
    public Optional<String> unit() {
        return unitOf(identity);
    }

    /** The {@code unit} claim of any identity: a token's claim, or the attribute test identities carry. */
    public static Optional<String> unitOf(SecurityIdentity identity) {
        Object attribute = identity.getAttribute(UNIT_CLAIM);
        if (attribute != null) {
            return Optional.of(attribute.toString());
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.<Object>getClaim(UNIT_CLAIM)).map(Object::toString).filter(s -> !s.isBlank());
        }
        return Optional.empty();
    }

    /** The one unit this caller is confined to, or empty when their role sees the whole city. */
    public Optional<String> scopedUnit() {
        if (CITY_WIDE.stream().anyMatch(identity::hasRole)) {
            return Optional.empty();
        }
        return Optional.of(unit().orElse(NO_UNIT));
    }

    /** What this caller may see, detached from the request, for code that runs later in a reactive chain. */
    public Sight sight() {
        return new Sight(scopedUnit());
    }

    /** A unit filter a query must use: the caller's own unit for unit staff, whatever was asked otherwise. */
    public String unitFilter(String requested) {
        Optional<String> own = scopedUnit();
        if (own.isPresent() && requested != null && !requested.isBlank() && !requested.equals(own.get())) {
            throw ProblemException.forbidden("unit staff see only their own unit's figures");
        }
        return own.orElse(requested);
    }

    /** Unit staff act only in their own unit's name. */
    public void requireActingFor(String unitCode) {
        Optional<String> own = scopedUnit();
        if (own.isPresent() && !own.get().equals(unitCode)) {
            throw ProblemException.forbidden("unit staff act only for their own unit");
        }
    }
}
