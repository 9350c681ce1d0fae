package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.RelType;
import org.junit.jupiter.api.Test;

class JavaImportLinkingTest {
    private static final String MAIN = "src/main/java/com/acme/";

    /** A small repository: model and util packages, and an app package with a same-named List. */
    private static JavaFixture repository() {
        return new JavaFixture()
                .file(MAIN + "model/User.java", "package com.acme.model; public class User {}")
                .file(MAIN + "model/Role.java", "package com.acme.model; public class Role {}")
                .file(MAIN + "model/Unused.java", "package com.acme.model; public class Unused {}")
                .file(MAIN + "util/Strings.java", """
                        package com.acme.util;
                        public final class Strings {
                            public static final String EMPTY = "";
                            public static String trim(String s) { return s.strip(); }
                        }
                        """)
                .file(MAIN + "util/Maps.java", """
                        package com.acme.util;
                        public class Maps {
                            public static class Entry {}
                        }
                        """)
                .file(MAIN + "app/List.java", "package com.acme.app; public class List {}")
                .file(MAIN + "app/Config.java", "package com.acme.app; public class Config { static int DEFAULT = 1; }")
                .file(MAIN + "app/Idle.java", "package com.acme.app; public class Idle {}");
    }

    @Test
    void singleTypeStaticWildcardAndSamePackageImportsLinkOnlyUsedRepositoryTypes() {
        JavaFixture fixture = repository().file(MAIN + "app/App.java", """
                package com.acme.app;

                import java.util.List;
                import com.acme.model.*;
                import com.acme.util.Maps.Entry;
                import static com.acme.util.Strings.trim;

                class App {
                    List<User> users;
                    Config config;
                    Entry entry;
                    String name() { return trim(" x ") + Config.DEFAULT; }
                }
                """);

        assertThat(fixture.edgesFrom(RelType.IMPORTS, MAIN + "app/App.java"))
                .containsExactlyInAnyOrder(
                        MAIN + "model/User.java", // on-demand import, expanded to what is used
                        MAIN + "util/Maps.java", // nested type import goes to the outer type's module
                        MAIN + "util/Strings.java", // static import
                        MAIN + "app/Config.java"); // same package, no import needed
        fixture.assertNoDuplicateEdges();
    }

    @Test
    void singleTypeImportOfAnExternalTypeShadowsTheSamePackageType() {
        JavaFixture fixture = repository().file(MAIN + "app/Lists.java", """
                package com.acme.app;
                import java.util.List;
                class Lists { List<String> names; }
                """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, MAIN + "app/Lists.java")).isEmpty();

        JavaFixture withoutImport = repository().file(MAIN + "app/Lists.java", """
                package com.acme.app;
                class Lists { List names; }
                """);
        assertThat(withoutImport.edgesFrom(RelType.IMPORTS, MAIN + "app/Lists.java"))
                .containsExactly(MAIN + "app/List.java");
    }

    @Test
    void staticOnDemandTypeOnDemandAndInlineQualifiedNames() {
        JavaFixture fixture = repository().file(MAIN + "other/Uses.java", """
                package com.acme.other;

                import static com.acme.util.Strings.*;
                import com.acme.util.Maps.*;

                class Uses {
                    Entry entry;
                    com.acme.model.Role role = new com.acme.model.Role();
                    Object config() { return com.acme.app.Config.DEFAULT; }
                }
                """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, MAIN + "other/Uses.java"))
                .containsExactlyInAnyOrder(
                        MAIN + "util/Strings.java",
                        MAIN + "util/Maps.java",
                        MAIN + "model/Role.java",
                        MAIN + "app/Config.java");
    }

    @Test
    void typesDeclaredInTheFileShadowImportsAndThePackage() {
        JavaFixture fixture = repository().file(MAIN + "app/Shadow.java", """
                package com.acme.app;
                import com.acme.model.*;
                class Shadow {
                    static class User {}
                    static class Config {}
                    User user;
                    Config config;
                    Shadow self;
                }
                """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, MAIN + "app/Shadow.java")).isEmpty();
    }

    @Test
    void samePackageTypeBeatsAnOnDemandImport() {
        JavaFixture fixture = repository()
                .file(MAIN + "model/Config.java", "package com.acme.model; public class Config {}")
                .file(MAIN + "app/Reader.java", """
                        package com.acme.app;
                        import com.acme.model.*;
                        class Reader { Config config; }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, MAIN + "app/Reader.java"))
                .containsExactly(MAIN + "app/Config.java");
    }

    @Test
    void runtimeAnnotationsStaticScopesAndMethodReferencesCountAsUses() {
        JavaFixture fixture = new JavaFixture()
                .file("src/p/Audited.java", """
                        package p;
                        import java.lang.annotation.*;
                        @Retention(RetentionPolicy.RUNTIME)
                        public @interface Audited {}
                        """)
                .file("src/p/Registry.java", "package p; public class Registry { static void add(Object o) {} }")
                .file("src/p/Codes.java", "package p; public class Codes { static final int OK = 0; }")
                .file("src/p/Holder.java", "package p; public class Holder { public @interface Tag {} }")
                .file("src/p/Use.java", """
                        package p;
                        @Audited
                        @Holder.Tag
                        class Use {
                            int code = Codes.OK;
                            Runnable r = () -> java.util.List.of(1).forEach(Registry::add);
                        }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/p/Use.java"))
                .containsExactlyInAnyOrder(
                        "src/p/Audited.java", "src/p/Registry.java", "src/p/Codes.java", "src/p/Holder.java");
    }

    @Test
    void unusedImportsAndAnnotationsMissingFromCompiledClassesAreNoDependency() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Serial.java", """
                        package a;
                        import java.lang.annotation.*;
                        @Retention(RetentionPolicy.SOURCE)
                        public @interface Serial {}
                        """)
                .file("src/a/Marker.java", "package a; public @interface Marker {}")
                .file("src/a/Live.java", """
                        package a;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface Live {}
                        """)
                .file("src/a/OnlyInDocs.java", "package a; public class OnlyInDocs {}")
                .file("src/a/Api.java", "package a; public enum Api { COMPILER }")
                .file("src/b/Use.java", """
                        package b;
                        import a.Serial;
                        import a.Marker;
                        import a.Live;
                        import a.OnlyInDocs;
                        /** See {@link OnlyInDocs}. */
                        @Marker @Live
                        class Use {
                            @Serial private static final long serialVersionUID = 1L;
                            @Live(a.Api.COMPILER) void m() {}
                        }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/b/Use.java")).containsExactly("src/a/Live.java");
    }

    @Test
    void variablesNamedLikeTypesAreNotTypeUses() {
        JavaFixture fixture = new JavaFixture()
                .file("src/p/Log.java", "package p; public class Log { static void info(String s) {} }")
                .file("src/p/Use.java", """
                        package p;
                        class Use {
                            Object Log = null;
                            void m() { Log.toString(); }
                        }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/p/Use.java")).isEmpty();
    }

    @Test
    void inheritedMemberTypesShadowSamePackageTypes() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Base.java", "package a; public class Base { public static class Node {} }")
                .file("src/b/Node.java", "package b; public class Node {}")
                .file("src/b/Tree.java", """
                        package b;
                        import a.Base;
                        class Tree extends Base { Node root; }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/b/Tree.java")).containsExactly("src/a/Base.java");
    }

    @Test
    void typesInTheSignatureOfACalledMethodAreDependencies() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Item.java", "package a; public class Item {}")
                .file("src/a/Tag.java", "package a; public class Tag {}")
                .file("src/a/Repo.java", """
                        package a;
                        public class Repo {
                            public Item find(String id) { return null; }
                            public void put(Item item) {}
                            public void put(Tag tag) {}
                        }
                        """)
                .file("src/b/Use.java", """
                        package b;
                        import a.Repo;
                        class Use {
                            void m(Repo repo) {
                                repo.find("x");
                                repo.put(null);
                            }
                        }
                        """);
        // put(null) may be either overload, so neither Item nor Tag follows from it alone
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/b/Use.java"))
                .containsExactlyInAnyOrder("src/a/Repo.java", "src/a/Item.java");
    }

    @Test
    void implicitSupertypesAndLambdaMachineryLinkWhenTheJdkIsTheRepository() {
        JavaFixture fixture = new JavaFixture()
                .file("src/java/lang/Object.java", "package java.lang; public class Object {}")
                .file("src/java/lang/Enum.java", "package java.lang; public abstract class Enum<E> {}")
                .file("src/java/lang/AssertionError.java", "package java.lang; public class AssertionError {}")
                .file(
                        "src/java/lang/invoke/LambdaMetafactory.java",
                        "package java.lang.invoke; public class LambdaMetafactory {}")
                .file("src/p/Base.java", "package p; public class Base {}")
                .file("src/p/Sub.java", "package p; class Sub extends Base {}")
                .file("src/p/Color.java", """
                        package p;
                        enum Color {
                            RED;
                            void check(int x) {
                                assert x > 0;
                                Runnable r = () -> {};
                            }
                        }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/p/Base.java")).containsExactly("src/java/lang/Object.java");
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/p/Sub.java")).containsExactly("src/p/Base.java");
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/p/Color.java"))
                .containsExactlyInAnyOrder(
                        "src/java/lang/Enum.java",
                        "src/java/lang/AssertionError.java",
                        "src/java/lang/invoke/LambdaMetafactory.java");
        assertThat(fixture.edges(RelType.EXTENDS)).containsExactly("p.Sub -> p.Base");
    }

    @Test
    void aTypeDeclaredInTwoFilesLinksOnce() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Base.java", "package a; public class Base {}")
                .file("one/src/a/Dup.java", "package a; class Dup extends Base {}")
                .file("two/src/a/Dup.java", "package a; class Dup extends Base {}");
        assertThat(fixture.edges(RelType.EXTENDS)).containsExactly("a.Dup -> a.Base");
        fixture.assertNoDuplicateEdges();
    }

    @Test
    void testModulesTestTheMainModulesTheyImport() {
        JavaFixture fixture = repository()
                .file("src/test/java/com/acme/app/TestData.java", "package com.acme.app; class TestData {}")
                .file("src/test/java/com/acme/app/ConfigTest.java", """
                        package com.acme.app;
                        import org.junit.jupiter.api.Test;
                        import com.acme.model.User;
                        class ConfigTest {
                            @Test void reads() { new Config(); new User(); TestData.class.getName(); }
                        }
                        """);
        String test = "src/test/java/com/acme/app/ConfigTest.java";
        assertThat(fixture.edgesFrom(RelType.IMPORTS, test))
                .containsExactlyInAnyOrder(
                        MAIN + "model/User.java", MAIN + "app/Config.java", "src/test/java/com/acme/app/TestData.java");
        assertThat(fixture.edgesFrom(RelType.TESTS, test))
                .containsExactlyInAnyOrder(MAIN + "model/User.java", MAIN + "app/Config.java");
        assertThat(fixture.edges(RelType.TESTS)).allMatch(e -> e.startsWith(test));
    }

    @Test
    void extendsAndImplementsLinkRepositoryTypesOnly() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Named.java", "package a; public interface Named {}")
                .file(
                        "src/a/Auditable.java",
                        "package a; public interface Auditable extends Named, java.io.Serializable {}")
                .file("src/a/Base.java", """
                        package a;
                        public abstract class Base<T> {
                            public interface Listener {}
                        }
                        """)
                .file("src/b/Admin.java", """
                        package b;
                        import a.*;
                        class Admin extends Base<String> implements Auditable, Comparable<Admin>, Base.Listener {
                            public int compareTo(Admin o) { return 0; }
                            enum Level implements Named { LOW }
                            record Grant(String what) implements a.Named {}
                            static class Super extends Admin {}
                        }
                        """);
        assertThat(fixture.edges(RelType.EXTENDS))
                .containsExactlyInAnyOrder("a.Auditable -> a.Named", "b.Admin -> a.Base", "b.Admin.Super -> b.Admin");
        assertThat(fixture.edges(RelType.IMPLEMENTS))
                .containsExactlyInAnyOrder(
                        "b.Admin -> a.Auditable",
                        "b.Admin -> a.Base.Listener",
                        "b.Admin.Level -> a.Named",
                        "b.Admin.Grant -> a.Named");
    }
}
