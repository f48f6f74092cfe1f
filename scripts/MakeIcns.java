import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Makes the macOS application icon (releng/org.namdrunner.product/macos/NAMDRunner.icns) from the workbench's PNG
 * icons. An .icns file is the magic "icns", the file length, then entries of a 4-letter type, the entry length
 * and PNG data; 256 px is scaled up from the 128 px icon. Run again after changing the icons:
 *   java scripts/MakeIcns.java bundles/org.namdrunner.ui/icons releng/org.namdrunner.product/macos/NAMDRunner.icns
 */
public class MakeIcns {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java MakeIcns.java <folder with namdrunner16/32/64/128.png> <out.icns>");
            System.exit(2);
        }
        Path icons = Path.of(args[0]);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("icp4", Files.readAllBytes(icons.resolve("namdrunner16.png")));
        entries.put("icp5", Files.readAllBytes(icons.resolve("namdrunner32.png")));
        entries.put("icp6", Files.readAllBytes(icons.resolve("namdrunner64.png")));
        entries.put("ic07", Files.readAllBytes(icons.resolve("namdrunner128.png")));
        entries.put("ic08", scaled(icons.resolve("namdrunner128.png"), 256));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            data.writeBytes(e.getKey());
            data.writeInt(8 + e.getValue().length);
            data.write(e.getValue());
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + body.size());
        body.writeTo(out);
        Files.write(Path.of(args[1]), file.toByteArray());
        System.out.println(args[1] + ": " + file.size() + " bytes, " + entries.keySet());
    }

    private static byte[] scaled(Path png, int size) throws IOException {
        BufferedImage source = ImageIO.read(png.toFile());
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(target, "png", bytes);
        return bytes.toByteArray();
    }
}
