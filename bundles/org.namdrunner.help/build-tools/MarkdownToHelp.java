import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Build step of org.namdrunner.help (run by its pom with the JDK's source launcher): turns docs/*.md into HTML
 * pages for the Eclipse help system and writes toc.xml from the user guide's headings, so the guide inside the
 * product is always the one in docs/. Usage: MarkdownToHelp <docs folder> <output folder>.
 */
public class MarkdownToHelp {

    record Section(int level, String title, String anchor) {
    }

    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Map<String, List<Section>> sections = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Node doc = parser.parse(Files.readString(md, StandardCharsets.UTF_8));
                List<Section> found = new ArrayList<>();
                Map<Node, String> anchors = new HashMap<>();
                doc.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        String title = text(heading);
                        String anchor = slug(title);
                        anchors.put(heading, anchor);
                        found.add(new Section(heading.getLevel(), title, anchor));
                    }

                    @Override
                    public void visit(Link link) {
                        link.setDestination(link.getDestination().replaceFirst("^([A-Za-z0-9_-]+)\\.md(#.*)?$", "$1.html$2"));
                        visitChildren(link);
                    }
                });
                HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
                        .attributeProviderFactory(c -> (node, tag, attributes) -> {
                            if (anchors.containsKey(node)) {
                                attributes.put("id", anchors.get(node));
                            }
                        }).build();
                String name = md.getFileName().toString().replaceFirst("\\.md$", "");
                String title = found.isEmpty() ? name : found.get(0).title();
                titles.put(name, title);
                sections.put(name, found);
                Files.writeString(out.resolve(name + ".html"), page(title, renderer.render(doc)), StandardCharsets.UTF_8);
            }
        }
        Path images = docs.resolve("images");
        if (Files.isDirectory(images)) {
            Files.createDirectories(out.resolve("images"));
            try (Stream<Path> pics = Files.list(images)) {
                pics.forEach(p -> copy(p, out.resolve("images").resolve(p.getFileName())));
            }
        }
        Files.writeString(out.resolve("toc.xml"), toc(sections, titles), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("help.css"), CSS, StandardCharsets.UTF_8);
    }

    private static final String CSS = """
            body { font-family: sans-serif; max-width: 60em; margin: 1em 2em; line-height: 1.45; color: #222; background: #fff; }
            code, pre { font-family: monospace; background: #f3f3f3; }
            pre { padding: 0.5em; overflow-x: auto; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
            img { max-width: 100%; border: 1px solid #ddd; }
            @media (prefers-color-scheme: dark) {
              body { color: #ddd; background: #1e1e1e; } code, pre { background: #2d2d2d; } a { color: #8ab4f8; }
            }
            """;

    private static String toc(Map<String, List<Section>> sections, Map<String, String> titles) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?NLS TYPE=\"org.eclipse.help.toc\"?>\n");
        b.append("<toc label=\"NAMDRunner User Guide\" topic=\"help/user-guide.html\">\n");
        int open = 0;
        for (Section s : sections.getOrDefault("user-guide", List.of())) {
            if (s.level() == 1) {
                continue;
            }
            if (s.level() == 2) {
                b.append("   </topic>\n".repeat(open));
                open = 0;
                b.append("   <topic label=\"").append(xml(s.title())).append("\" href=\"help/user-guide.html#").append(s.anchor()).append("\">\n");
                open = 1;
            } else if (s.level() == 3 && open == 1) {
                b.append("      <topic label=\"").append(xml(s.title())).append("\" href=\"help/user-guide.html#").append(s.anchor()).append("\"/>\n");
            }
        }
        b.append("   </topic>\n".repeat(open));
        if (titles.containsKey("data-locations")) {
            b.append("   <topic label=\"").append(xml(titles.get("data-locations"))).append("\" href=\"help/data-locations.html\"/>\n");
        }
        b.append("   <topic label=\"Reference\">\n");
        titles.keySet().stream().sorted().filter(n -> !n.equals("user-guide") && !n.equals("data-locations"))
                .forEach(n -> b.append("      <topic label=\"").append(xml(titles.get(n))).append("\" href=\"help/").append(n).append(".html\"/>\n"));
        b.append("   </topic>\n</toc>\n");
        return b.toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + xml(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"help.css\"></head>\n<body>\n" + body + "</body></html>\n";
    }

    static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                b.append(code.getLiteral());
            }
        });
        return b.toString().strip();
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
