package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.RelType;
import org.junit.jupiter.api.Test;

class JavaCallLinkingTest {

    private static JavaFixture shop(String serviceBody) {
        return new JavaFixture()
                .file("src/shop/data/Repo.java", """
                        package shop.data;
                        public class Repo {
                            public Repo() {}
                            public Repo(String url) {}
                            public Item find(String id) { return null; }
                            public void save(Item item) {}
                            public static Repo open(String url) { return new Repo(url); }
                        }
                        """)
                .file("src/shop/data/Item.java", """
                        package shop.data;
                        public class Item {
                            public String name() { return ""; }
                        }
                        """)
                .file("src/shop/core/Base.java", """
                        package shop.core;
                        public class Base {
                            protected void audit() {}
                            protected void log(String... parts) {}
                        }
                        """)
                .file("src/shop/core/Greeter.java", """
                        package shop.core;
                        public interface Greeter {
                            default void greet() {}
                        }
                        """)
                .file("src/shop/core/Service.java", """
                        package shop.core;
                        import shop.data.*;
                        import static shop.data.Repo.open;
                        class Service extends Base implements Greeter {
                            private final Repo repo = new Repo();
                        """ + serviceBody + """
                            void helper() {}
                        }
                        """);
    }

    private static java.util.List<String> callsFrom(JavaFixture fixture, String key) {
        fixture.assertNoDuplicateEdges();
        return fixture.edgesFrom(RelType.CALLS, key);
    }

    @Test
    void resolvesReceiversFromFieldsParametersLocalsAndStaticCalls() {
        JavaFixture fixture = shop("""
                    Item load(String id, Repo other) {
                        Repo local = Repo.open("x");
                        local.save(null);
                        other.find(id);
                        repo.find(id).name();
                        this.repo.save(null);
                        return null;
                    }
                """);
        assertThat(callsFrom(fixture, "shop.core.Service#load(String,Repo)"))
                .containsExactlyInAnyOrder(
                        "shop.data.Repo#open(String)", "shop.data.Repo#save(Item)", "shop.data.Repo#find(String)");
    }

    @Test
    void unqualifiedThisAndInheritedCallsSearchTheClassThenSupertypes() {
        JavaFixture fixture = shop("""
                    void run() {
                        helper();
                        this.helper();
                        audit();
                        super.audit();
                        log("a", "b", "c");
                        log();
                        greet();
                        open("static import");
                        missing();
                    }
                """);
        assertThat(callsFrom(fixture, "shop.core.Service#run()"))
                .containsExactlyInAnyOrder(
                        "shop.core.Service#helper()",
                        "shop.core.Base#audit()",
                        "shop.core.Base#log(String...)",
                        "shop.core.Greeter#greet()",
                        "shop.data.Repo#open(String)");
    }

    @Test
    void constructorCallsNeedAnExplicitConstructorOfMatchingArity() {
        JavaFixture fixture = shop("""
                    Service() { this("default"); }
                    Service(String url) {
                        super();
                        new Repo(url);
                        new Repo();
                        new Item();
                        new Repo(url, 1);
                    }
                """);
        assertThat(callsFrom(fixture, "shop.core.Service#Service()"))
                .containsExactly("shop.core.Service#Service(String)");
        assertThat(callsFrom(fixture, "shop.core.Service#Service(String)"))
                .containsExactlyInAnyOrder("shop.data.Repo#Repo(String)", "shop.data.Repo#Repo()");
        assertThat(callsFrom(fixture, "shop.data.Repo#open(String)")).containsExactly("shop.data.Repo#Repo(String)");
    }

    @Test
    void overloadsAreFilteredByArgumentCountAndAllRemainingAreLinked() {
        JavaFixture fixture = new JavaFixture().file("src/p/Over.java", """
                package p;
                class Over {
                    void put(int a) {}
                    void put(String a) {}
                    void put(int a, int b) {}
                    void vary(String first, Object... rest) {}
                    void calls() {
                        put(1);
                        vary("only");
                        vary("a", 1, 2, 3);
                    }
                    void pair() { put(1, 2); }
                }
                """);
        assertThat(callsFrom(fixture, "p.Over#calls()"))
                .containsExactlyInAnyOrder("p.Over#put(int)", "p.Over#put(String)", "p.Over#vary(String,Object...)");
        assertThat(callsFrom(fixture, "p.Over#pair()")).containsExactly("p.Over#put(int,int)");
    }

    @Test
    void unknownReceiversAndExternalTypesGiveNoEdge() {
        JavaFixture fixture = shop("""
                    void unknown(java.util.List<Repo> repos) {
                        var v = new Repo();
                        v.save(null);
                        repos.get(0).save(null);
                        String.valueOf(1);
                        repos.size();
                    }
                """);
        assertThat(callsFrom(fixture, "shop.core.Service#unknown(java.util.List)"))
                .containsExactly("shop.data.Repo#Repo()");
    }

    @Test
    void fieldChainsStaticInheritedAndStaticallyImportedFieldsGiveTheReceiverType() {
        JavaFixture fixture = new JavaFixture()
                .file("src/a/Printer.java", "package a; public class Printer { public void println(String s) {} }")
                .file("src/a/Item.java", "package a; public class Item {}")
                .file("src/a/Sys.java", "package a; public final class Sys { public static final Printer out = null; }")
                .file("src/a/Holder.java", """
                        package a;
                        public class Holder {
                            public Printer printer;
                            public Item item;
                            public Item[] items;
                        }
                        """)
                .file("src/a/Base.java", "package a; public class Base { protected Holder holder; }")
                .file("src/b/Svc.java", """
                        package b;
                        import a.*;
                        import static a.Sys.out;
                        class Svc extends Base {
                            void viaStaticField() { Sys.out.println("x"); }
                            void viaStaticImport() { out.println("x"); }
                            void viaInheritedField() { holder.printer.println("x"); }
                            void viaThisChain() { this.holder.printer.println("x"); }
                            void viaParameter(Holder h) { h.printer.println("x"); }
                            Object readsOnly(Holder h) { return h.items; }
                        }
                        """);
        for (String caller : java.util.List.of(
                "viaStaticField()",
                "viaStaticImport()",
                "viaInheritedField()",
                "viaThisChain()",
                "viaParameter(Holder)")) {
            assertThat(callsFrom(fixture, "b.Svc#" + caller)).as(caller).containsExactly("a.Printer#println(String)");
        }
        // Printer and Item are never named in Svc, but the compiled field reads name their types
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/b/Svc.java"))
                .containsExactlyInAnyOrder(
                        "src/a/Base.java",
                        "src/a/Holder.java",
                        "src/a/Sys.java",
                        "src/a/Printer.java",
                        "src/a/Item.java");
    }

    @Test
    void externalSingleTypeImportShadowsTheSamePackageTypeForCallsAndSupertypes() {
        String list = "package same.pkg; public interface List { void add(int i); }";
        String user = """
                package same.pkg;
                %s
                abstract class User implements List {
                    void fill(List target) { target.add(1); }
                }
                """;
        JavaFixture shadowed = new JavaFixture()
                .file("src/same/pkg/List.java", list)
                .file("src/same/pkg/User.java", user.formatted("import java.util.List;"));
        assertThat(callsFrom(shadowed, "same.pkg.User#fill(List)")).isEmpty();
        assertThat(shadowed.edges(RelType.IMPLEMENTS)).isEmpty();

        JavaFixture samePackage = new JavaFixture()
                .file("src/same/pkg/List.java", list)
                .file("src/same/pkg/User.java", user.formatted(""));
        assertThat(callsFrom(samePackage, "same.pkg.User#fill(List)")).containsExactly("same.pkg.List#add(int)");
        assertThat(samePackage.edges(RelType.IMPLEMENTS)).containsExactly("same.pkg.User -> same.pkg.List");
    }

    @Test
    void innerClassesReachOuterMethodsAndOverridesWinOverSuperMethods() {
        JavaFixture fixture = new JavaFixture()
                .file("src/p/Parent.java", "package p; class Parent { void hook() {} void shared() {} }")
                .file("src/p/Child.java", """
                        package p;
                        class Child extends Parent {
                            @Override void hook() {}
                            void outerOnly() {}
                            void run() { hook(); shared(); }
                            class Inner {
                                void go() { outerOnly(); hook(); }
                            }
                            static void viaCast(Object o) { ((Child) o).outerOnly(); }
                        }
                        """);
        assertThat(callsFrom(fixture, "p.Child#run()"))
                .containsExactlyInAnyOrder("p.Child#hook()", "p.Parent#shared()");
        assertThat(callsFrom(fixture, "p.Child.Inner#go()"))
                .containsExactlyInAnyOrder("p.Child#outerOnly()", "p.Child#hook()");
        assertThat(callsFrom(fixture, "p.Child#viaCast(Object)")).containsExactly("p.Child#outerOnly()");
    }

    @Test
    void callsInsideLambdasAnonymousAndLocalClassesCountForTheEnclosingMethod() {
        JavaFixture fixture = new JavaFixture().file("src/p/Host.java", """
                package p;
                class Host {
                    void target() {}
                    void other() {}
                    void run() {
                        Runnable r = () -> target();
                        new Thread() { @Override public void run() { other(); } }.start();
                        class Local { void m() { Host.this.target(); } }
                    }
                }
                """);
        assertThat(callsFrom(fixture, "p.Host#run()")).containsExactlyInAnyOrder("p.Host#target()", "p.Host#other()");
    }
}
