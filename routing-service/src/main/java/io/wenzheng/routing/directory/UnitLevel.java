package io.wenzheng.routing.directory;

/** Levels of the unit tree; departments sit beside the city. */
public enum UnitLevel {
    CITY, DEPARTMENT, DISTRICT, STREET, COMMUNITY
}
