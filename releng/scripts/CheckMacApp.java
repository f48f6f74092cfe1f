import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an unpacked NAMDRunner.app: parses Contents/Info.plist (an XML property list) and checks that what it names
 * is there: the executable in Contents/MacOS (executable, passing -XstartOnFirstThread), the icon in
 * Contents/Resources (an .icns file whose length field matches its size), the product in Contents/Eclipse (its start
 * script, launcher jar and p2 profile), and the version. Exits 1 with one line per problem.
 * Usage: java CheckMacApp.java <path/NAMDRunner.app> <expected CFBundleShortVersionString>
 */
public class CheckMacApp {
    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        String version = args[1];
        StringBuilder problems = new StringBuilder();
        Path contents = app.resolve("Contents");
        Map<String, String> plist = read(contents.resolve("Info.plist"));
        for (String key : new String[] {"CFBundleName", "CFBundleIdentifier", "CFBundleExecutable", "CFBundleIconFile",
                "CFBundlePackageType", "CFBundleShortVersionString", "CFBundleVersion", "CFBundleInfoDictionaryVersion"}) {
            if (plist.get(key) == null || plist.get(key).isBlank()) {
                problems.append("Info.plist has no ").append(key).append('\n');
            }
        }
        if (!"APPL".equals(plist.get("CFBundlePackageType"))) {
            problems.append("CFBundlePackageType is ").append(plist.get("CFBundlePackageType")).append(", not APPL\n");
        }
        if (!version.equals(plist.get("CFBundleShortVersionString"))) {
            problems.append("CFBundleShortVersionString is ").append(plist.get("CFBundleShortVersionString"))
                    .append(", not ").append(version).append('\n');
        }
        String bundleVersion = plist.getOrDefault("CFBundleVersion", "");
        if (!bundleVersion.startsWith(version + ".")) {
            problems.append("CFBundleVersion ").append(bundleVersion).append(" is not ").append(version).append(".<qualifier>\n");
        }
        Path executable = contents.resolve("MacOS").resolve(plist.getOrDefault("CFBundleExecutable", "?"));
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            problems.append("Contents/MacOS/").append(executable.getFileName()).append(" is missing or not executable\n");
        } else if (!Files.readString(executable).contains("-XstartOnFirstThread")) {
            problems.append(executable).append(" does not pass -XstartOnFirstThread\n");
        }
        Path icon = contents.resolve("Resources").resolve(plist.getOrDefault("CFBundleIconFile", "?"));
        if (!Files.isRegularFile(icon)) {
            problems.append("Contents/Resources/").append(icon.getFileName()).append(" is missing\n");
        } else {
            byte[] bytes = Files.readAllBytes(icon);
            ByteBuffer header = ByteBuffer.wrap(bytes);
            if (bytes.length < 16 || header.getInt(0) != 0x69636e73 /* "icns" */ || header.getInt(4) != bytes.length) {
                problems.append(icon).append(" is not an .icns file (magic or length wrong)\n");
            }
        }
        Path eclipse = contents.resolve("Eclipse");
        for (String part : new String[] {"namdrunner", "configuration/config.ini", "p2"}) {
            if (!Files.exists(eclipse.resolve(part))) {
                problems.append("Contents/Eclipse/").append(part).append(" is missing\n");
            }
        }
        try (var plugins = Files.list(eclipse.resolve("plugins"))) {
            if (plugins.noneMatch(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))) {
                problems.append("Contents/Eclipse/plugins has no org.eclipse.equinox.launcher jar\n");
            }
        } catch (IOException e) {
            problems.append("Contents/Eclipse/plugins: ").append(e.getMessage()).append('\n');
        }
        if (problems.length() > 0) {
            System.err.print(app + ":\n" + problems);
            System.exit(1);
        }
        System.out.println(app + ": OK, " + plist.get("CFBundleIdentifier") + " " + bundleVersion + ", runs "
                + executable.getFileName() + ", icon " + icon.getFileName() + " (" + Files.size(icon) + " bytes)");
    }

    /** The top-level dict of an XML property list, as key to text (true/false for booleans). */
    private static Map<String, String> read(Path plist) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Element root = builder.parse(plist.toFile()).getDocumentElement();
        if (!"plist".equals(root.getTagName())) {
            throw new IllegalArgumentException(plist + ": the root element is <" + root.getTagName() + ">, not <plist>");
        }
        Element dict = first(root, "dict");
        if (dict == null) {
            throw new IllegalArgumentException(plist + ": no <dict> under <plist>");
        }
        Map<String, String> values = new LinkedHashMap<>();
        NodeList children = dict.getChildNodes();
        String key = null;
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element e)) {
                continue;
            }
            if ("key".equals(e.getTagName())) {
                if (key != null) {
                    throw new IllegalArgumentException(plist + ": key " + key + " has no value");
                }
                key = e.getTextContent();
            } else if (key == null) {
                throw new IllegalArgumentException(plist + ": <" + e.getTagName() + "> without a <key> before it");
            } else {
                values.put(key, switch (e.getTagName()) {
                    case "true", "false" -> e.getTagName();
                    default -> e.getTextContent();
                });
                key = null;
            }
        }
        return values;
    }

    private static Element first(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }
}
