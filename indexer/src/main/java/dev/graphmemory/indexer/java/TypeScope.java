package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A top-level or member type being visited: its identity, its fields and the keys of its functions. */
final class TypeScope {
    /** Field initializers have no local variables. */
    private static final StringParts FIELD_VALUES = new StringParts(name -> null);

    final TypeDeclaration<?> node;
    final String qualifiedName;
    final String id;
    final int index;
    final TypeScope outer;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> values = new java.util.HashMap<>();
    private final Set<String> functionKeys = new HashSet<>();

    TypeScope(TypeDeclaration<?> node, String qualifiedName, String id, int index, TypeScope outer) {
        this.node = node;
        this.qualifiedName = qualifiedName;
        this.id = id;
        this.index = index;
        this.outer = outer;
        collectFields();
    }

    /** The receiver type of a field declared in this type, see {@link CallNames.Variables#typeOf}. */
    String fieldType(String name) {
        String erased = fields.get(name);
        return erased == null ? null : TypeNames.usable(erased);
    }

    /** The fields declared in this type (with enum constants and record components): name to erased type. */
    Map<String, String> declaredFields() {
        return fields;
    }

    /** The value of a constant field declared in this type as {@link StringParts}, or {@code null}. */
    String value(String field) {
        return values.get(field);
    }

    /** Reserves a function key; a key already taken gets the suffix {@code ~<line>}. */
    String uniqueKey(String key, int line) {
        return functionKeys.add(key) ? key : key + "~" + line;
    }

    private void collectFields() {
        for (BodyDeclaration<?> member : node.getMembers()) {
            if (member instanceof FieldDeclaration f) {
                boolean constant = f.isFinal()
                        || (node instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                                && c.isInterface());
                for (VariableDeclarator v : f.getVariables()) {
                    fields.put(v.getNameAsString(), TypeNames.erased(v.getType()));
                    if (constant && v.getInitializer().isPresent()) {
                        String value = FIELD_VALUES.encode(v.getInitializer().get());
                        if (!value.equals(StringParts.UNKNOWN)) {
                            values.put(v.getNameAsString(), value);
                        }
                    }
                }
            }
        }
        if (node instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) {
                fields.put(p.getNameAsString(), TypeNames.erased(p.getType()));
            }
        }
        if (node instanceof EnumDeclaration e) {
            String self = e.getNameAsString();
            for (EnumConstantDeclaration c : e.getEntries()) {
                fields.put(c.getNameAsString(), self);
            }
        }
    }
}
