package org.liaison.exchange;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The concurrency tests' own Quarkus run, and with it a PostgreSQL of their own (TestDatabase
 * starts one per run): thousands of records written by racing writers, and whatever a failing
 * race leaves behind, stay out of the database the other test classes count in. Nothing is
 * configured differently: the service under load is the service as it runs. The test classes
 * that share this profile run one after the other in one Quarkus start.
 */
public class OwnDatabase implements QuarkusTestProfile {
}
