import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Can nodes running the new build read what nodes running the old build serialized? During a rolling
 * deploy both builds share the replicated sessions and the data grid's caches, so every serializable
 * class of the application must stay readable across the two builds.
 *
 * Usage: java bin/lib/SessionCompatibility.java OLD NEW   (each a WAR or a classes directory)
 *        java bin/lib/SessionCompatibility.java --missing-uids BUILD
 *            lists the serializable classes without an explicit serialVersionUID (exit 1 if any)
 *
 * Reads the class files of WEB-INF/classes (no class is loaded or run) and reports, for the application's
 * serializable classes:
 *   no-uid      a class without an explicit serialVersionUID whose bytes changed (its computed UID changes)
 *   uid         the serialVersionUID changed
 *               (neither for enums and records: Java serializes them by name and by components)
 *   removed     a serializable class of the old build is gone or no longer serializable
 *   field-type  a serialized field kept its name but changed its type
 * Added fields, removed fields and new classes are compatible. Exit status: 0 compatible, 1 incompatible
 * (each problem on its own line), 2 unreadable input. bin/cluster deploy runs this before it rolls.
 */
public class SessionCompatibility {

    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_TRANSIENT = 0x0080;
    private static final int ACC_INTERFACE = 0x0200;

    record ClassInfo(String name, String superName, List<String> interfaces, boolean isInterface, Long uid,
                     Map<String, String> fields, byte[] bytes) {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java SessionCompatibility.java OLD NEW | --missing-uids BUILD   (WAR files or classes directories)");
            System.exit(2);
        }
        try {
            if ("--missing-uids".equals(args[0])) {
                List<String> missing = serializable(read(Path.of(args[1]))).values().stream()
                        .filter(c -> c.uid() == null && !byNameOrComponents(c)).map(c -> "no-uid      " + c.name()).toList();
                missing.forEach(System.out::println);
                System.exit(missing.isEmpty() ? 0 : 1);
            }
            Map<String, ClassInfo> old = read(Path.of(args[0]));
            Map<String, ClassInfo> now = read(Path.of(args[1]));
            List<String> problems = compare(old, now);
            if (problems.isEmpty()) {
                System.out.println("compatible: " + serializable(now).size() + " serializable classes checked");
                System.exit(0);
            }
            problems.forEach(System.out::println);
            System.exit(1);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("cannot compare: " + e.getMessage());
            System.exit(2);
        }
    }

    static List<String> compare(Map<String, ClassInfo> old, Map<String, ClassInfo> now) {
        List<String> problems = new ArrayList<>();
        Set<String> wasSerializable = serializable(old).keySet();
        Map<String, ClassInfo> isSerializable = serializable(now);
        for (String name : new java.util.TreeSet<>(wasSerializable)) {
            ClassInfo before = old.get(name);
            ClassInfo after = isSerializable.get(name);
            if (after == null) {
                problems.add("removed     " + name + ": serializable in the running build, gone or not serializable in the new one");
                continue;
            }
            if (Arrays.equals(before.bytes(), after.bytes())) {
                continue;
            }
            if (byNameOrComponents(after)) {
                // no serialVersionUID rule for enums and records
            } else if (before.uid() == null || after.uid() == null) {
                problems.add("no-uid      " + name + ": changed without an explicit serialVersionUID on both sides");
            } else if (!before.uid().equals(after.uid())) {
                problems.add("uid         " + name + ": serialVersionUID " + before.uid() + " -> " + after.uid());
            }
            before.fields().forEach((field, type) -> {
                String newType = after.fields().get(field);
                if (newType != null && !newType.equals(type)) {
                    problems.add("field-type  " + name + "." + field + ": " + type + " -> " + newType);
                }
            });
        }
        return problems;
    }

    /** The classes that are serializable through java.io.Serializable, directly or by inheritance within the build. */
    static Map<String, ClassInfo> serializable(Map<String, ClassInfo> classes) {
        Map<String, Boolean> memo = new HashMap<>();
        Map<String, ClassInfo> result = new TreeMap<>();
        classes.forEach((name, info) -> {
            if (!info.isInterface() && isSerializable(name, classes, memo)) {
                result.put(name, info);
            }
        });
        return result;
    }

    static boolean byNameOrComponents(ClassInfo info) {
        return "java/lang/Enum".equals(info.superName()) || "java/lang/Record".equals(info.superName());
    }

    private static boolean isSerializable(String name, Map<String, ClassInfo> classes, Map<String, Boolean> memo) {
        if ("java/io/Serializable".equals(name) || "java/io/Externalizable".equals(name)) {
            return true;
        }
        ClassInfo info = classes.get(name);
        if (info == null) {
            return false;   // outside the build (JDK, libraries): not followed
        }
        Boolean known = memo.get(name);
        if (known != null) {
            return known;
        }
        memo.put(name, false);
        boolean result = (info.superName() != null && isSerializable(info.superName(), classes, memo))
                || info.interfaces().stream().anyMatch(i -> isSerializable(i, classes, memo));
        memo.put(name, result);
        return result;
    }

    static Map<String, ClassInfo> read(Path source) throws IOException {
        Map<String, ClassInfo> classes = new TreeMap<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    ClassInfo info = parse(Files.readAllBytes(file));
                    classes.put(info.name(), info);
                }
            }
        } else if (Files.isRegularFile(source)) {
            try (ZipFile war = new ZipFile(source.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                    if (entry.getName().startsWith("WEB-INF/classes/") && entry.getName().endsWith(".class")) {
                        ClassInfo info = parse(war.getInputStream(entry).readAllBytes());
                        classes.put(info.name(), info);
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("no such file or directory: " + source);
        }
        return classes;
    }

    /** The few parts of a class file this check needs (JVMS chapter 4). */
    static ClassInfo parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5 -> { pool[i] = in.readLong(); i++; }
                case 6 -> { in.readDouble(); i++; }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        int access = in.readUnsignedShort();
        String name = (String) pool[classNameIndex[in.readUnsignedShort()]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : (String) pool[classNameIndex[superIndex]];
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add((String) pool[classNameIndex[in.readUnsignedShort()]]);
        }
        Long uid = null;
        Map<String, String> fields = new TreeMap<>();
        for (int f = in.readUnsignedShort(); f > 0; f--) {
            int fieldAccess = in.readUnsignedShort();
            String fieldName = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                String attribute = (String) pool[in.readUnsignedShort()];
                int length = in.readInt();
                if ("ConstantValue".equals(attribute) && "serialVersionUID".equals(fieldName) && "J".equals(descriptor)) {
                    uid = (Long) pool[in.readUnsignedShort()];
                } else {
                    in.skipNBytes(length);
                }
            }
            if ((fieldAccess & (ACC_STATIC | ACC_TRANSIENT)) == 0) {
                fields.put(fieldName, descriptor);
            }
        }
        return new ClassInfo(name, superName, interfaces, (access & ACC_INTERFACE) != 0, uid, fields, bytes);
    }
}
