package io.wenzheng.contracts;

import java.util.List;

/** A unit (承办单位) as the directory describes it, for systems that keep their own copy. */
public record DirectoryUnit(
        String code,
        String name,
        String parentCode,
        /** CITY, DEPARTMENT, DISTRICT, STREET or COMMUNITY. */
        String level,
        /** The first-level categories it answers for (职责). */
        List<String> duties,
        /** The places it covers (属地), aliases included. */
        List<String> areas,
        String calendarRegion,
        List<String> landmarks,
        String escalationContact,
        boolean seesSubordinates) {
}
