package org.namdrunner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The cluster profiles the core contributes (bundles/org.namdrunner.core/plugin.xml), read by the core's own
 * {@link ExtensionClusterProfiles} exactly as the workbench reads them. In an OSGi test runtime the real
 * extension registry answers; in a plain child JVM (no registry) the same plugin.xml is served to the same
 * reader through a minimal registry view, so both see the same profile.
 */
public final class BuiltInProfiles {

    private BuiltInProfiles() {
    }

    /** The built-in profile {@code id} for {@code user}, as the core derives it (folders from the user). */
    public static ClusterProfile get(String id, String user) {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            registry = fromPluginXml();
        }
        return new ExtensionClusterProfiles(registry, user).find(id)
                .orElseThrow(() -> new IllegalStateException("the core contributes no cluster profile '" + id + "'"));
    }

    /** A copy of the record {@code p} with the named components replaced; works whatever components the record gains. */
    public static ClusterProfile with(ClusterProfile p, Map<String, Object> changes) {
        RecordComponent[] components = ClusterProfile.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> unknown = new ArrayList<>(changes.keySet());
        try {
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                types[i] = components[i].getType();
                values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(p);
                unknown.remove(name);
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("ClusterProfile has no component(s) " + unknown);
            }
            return ClusterProfile.class.getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + p.id(), e);
        }
    }

    // ---- plain JVM: plugin.xml next to the core's classes (a reactor folder) or inside its jar

    private static IExtensionRegistry fromPluginXml() {
        Element root;
        try (InputStream in = openCorePluginXml()) {
            root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the core's plugin.xml: " + e.getMessage(), e);
        }
        return proxy(IExtensionRegistry.class, (name, args) -> switch (name) {
            case "getConfigurationElementsFor" -> {
                List<IConfigurationElement> out = new ArrayList<>();
                for (Element ext : children(root, "extension")) {
                    if (args[0].equals(ext.getAttribute("point"))) {
                        children(ext, null).forEach(e -> out.add(element(e)));
                    }
                }
                yield out.toArray(IConfigurationElement[]::new);
            }
            default -> throw new UnsupportedOperationException("IExtensionRegistry." + name + " outside OSGi");
        });
    }

    private static IConfigurationElement element(Element e) {
        IContributor contributor = proxy(IContributor.class, (name, args) -> "getName".equals(name) ? "org.namdrunner.core" : null);
        return proxy(IConfigurationElement.class, (name, args) -> switch (name) {
            case "getName" -> e.getTagName();
            case "getAttribute" -> e.hasAttribute((String) args[0]) ? e.getAttribute((String) args[0]) : null;
            case "getChildren" -> children(e, args == null || args.length == 0 ? null : (String) args[0]).stream()
                    .map(BuiltInProfiles::element).toArray(IConfigurationElement[]::new);
            case "getContributor" -> contributor;
            case "getValue" -> e.getTextContent();
            case "isValid" -> true;
            default -> throw new UnsupportedOperationException("IConfigurationElement." + name + " outside OSGi");
        });
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (tag == null || tag.equals(c.getTagName()))) {
                out.add(c);
            }
        }
        return out;
    }

    private static InputStream openCorePluginXml() throws IOException, URISyntaxException {
        Path where = Path.of(ClusterProfile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(where)) {
            for (Path candidate : List.of(where.resolve("plugin.xml"), where.resolve("../../plugin.xml").normalize())) {
                if (Files.isRegularFile(candidate)) {
                    return Files.newInputStream(candidate);
                }
            }
            throw new IOException("no plugin.xml in or above " + where);
        }
        JarFile jar = new JarFile(where.toFile());
        var entry = jar.getEntry("plugin.xml");
        if (entry == null) {
            jar.close();
            throw new IOException("no plugin.xml in " + where);
        }
        InputStream in = jar.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                jar.close();
            }
        };
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(BuiltInProfiles.class.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    case "toString" -> type.getSimpleName() + " from plugin.xml";
                    default -> answer.answer(method.getName(), args);
                }));
    }
}
