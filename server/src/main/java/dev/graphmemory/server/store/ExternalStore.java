package dev.graphmemory.server.store;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.Neo4jException;

/** A Neo4j server or cluster given by URI ({@code bolt://}, {@code neo4j://} with routing). */
public final class ExternalStore implements GraphStore {
    private final Driver driver;
    private final String uri;
    private final String repoKey;

    private ExternalStore(Driver driver, String uri, String repoKey) {
        this.driver = driver;
        this.uri = uri;
        this.repoKey = repoKey;
    }

    /** Connects and checks the connection, with an error that names the URI and user. */
    public static ExternalStore connect(String uri, String user, String password, String repoKey) {
        Driver driver = GraphDatabase.driver(
                uri,
                user == null ? AuthTokens.none() : AuthTokens.basic(user, password == null ? "" : password),
                Config.builder().withLogging(Logging.slf4j()).build());
        try {
            driver.verifyConnectivity();
        } catch (Neo4jException | IllegalArgumentException e) {
            driver.close();
            throw new StoreException(
                    "cannot connect to Neo4j at " + uri + (user == null ? "" : " as " + user) + ": " + e.getMessage()
                            + " (check --uri/--user/--password or NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD)",
                    e);
        }
        return new ExternalStore(driver, uri, repoKey);
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public String repoKey() {
        return repoKey;
    }

    @Override
    public String describe() {
        return "external Neo4j at " + uri;
    }

    @Override
    public void close() {
        driver.close();
    }
}
