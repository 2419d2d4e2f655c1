package io.wenzheng.kit.security;

/** The realm roles (deploy/keycloak/wenzheng-realm.json); endpoints name them in {@code @RolesAllowed}. */
public final class Roles {
    /** 受理: the 12345 centre's operators, who accept, classify and route. */
    public static final String OPERATOR = "operator";
    /** 承办: staff of a government unit, limited to their unit by the {@code unit} claim. */
    public static final String UNIT_STAFF = "unit-staff";
    /** 督办: the supervision office, which watches deadlines across all units and escalates. */
    public static final String SUPERVISOR = "supervisor";
    /** Analysts and the city government's reporting, read-only over figures, never contact details. */
    public static final String ANALYST = "analyst";
    /** The platform's administrators: directory, rules, rebuilds and the audit log. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
