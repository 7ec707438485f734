import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A picture for every demo product, made here (nothing is downloaded): bin/cluster up feeds it the products
 * without an image as "id|category slug" lines and pipes what it prints, SQL that stores each PNG and links
 * it to its product, to psql.
 * <p>
 * Each picture is a sound wave over a gradient: the hue comes from the category (a category's products look
 * related), the wave's frequency, amplitude and phase from the product id (no two look the same). Written as
 * PNG by hand (zlib and CRC-32 from java.util.zip), without AWT: a headless JDK without fonts is enough.
 * <p>
 * Usage: java bin/lib/DemoImages.java &lt; products &gt; images.sql
 */
public final class DemoImages {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        String line;
        int images = 0;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\\|", -1);
            if (fields.length != 2 || !fields[0].matches("[0-9]+")) {
                continue;
            }
            long id = Long.parseLong(fields[0]);
            byte[] png = png(picture(id, fields[1]));
            out.println("WITH stored AS (INSERT INTO image (content_type, bytes) VALUES ('image/png', decode('"
                    + hex.formatHex(png) + "', 'hex')) RETURNING id) UPDATE product SET image_id = (SELECT id FROM stored) WHERE id = " + id + ";");
            images++;
        }
        out.flush();
        System.err.println(images + " product pictures made");
    }

    /** RGB pixels, row by row. */
    static int[] picture(long id, String category) {
        float hue = (Math.floorMod(category.hashCode(), 360)) / 360f;
        double frequency = 1.5 + (id % 5) * 0.75;
        double amplitude = HEIGHT * (0.18 + (id % 3) * 0.06);
        double phase = (id * 0.7) % (2 * Math.PI);
        int[] pixels = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            int background = hsb(hue, 0.55f, 0.30f + 0.35f * y / HEIGHT);
            for (int x = 0; x < WIDTH; x++) {
                double t = (double) x / (WIDTH - 1);
                double wave = HEIGHT / 2.0 - amplitude * Math.sin(2 * Math.PI * frequency * t + phase) * (0.4 + 0.6 * Math.sin(Math.PI * t));
                double distance = Math.abs(y - wave);
                double ink = Math.max(0, Math.min(1, 3.0 - distance));   // a line about 4 px wide, smoothed
                pixels[y * WIDTH + x] = blend(background, 0xF4F1E8, ink);
            }
        }
        return pixels;
    }

    static byte[] png(int[] pixels) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(raw)) {
            for (int y = 0; y < HEIGHT; y++) {
                zlib.write(0);   // filter: none
                for (int x = 0; x < WIDTH; x++) {
                    int rgb = pixels[y * WIDTH + x];
                    zlib.write(rgb >> 16 & 0xFF);
                    zlib.write(rgb >> 8 & 0xFF);
                    zlib.write(rgb & 0xFF);
                }
            }
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, WIDTH);
        writeInt(header, HEIGHT);
        header.write(new byte[] {8, 2, 0, 0, 0});   // 8 bits per channel, RGB, deflate, no filter, no interlace
        chunk(file, "IHDR", header.toByteArray());
        chunk(file, "IDAT", raw.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(file, data.length);
        file.write(name);
        file.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        writeInt(file, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16 & 0xFF);
        out.write(value >>> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static int blend(int from, int to, double share) {
        int r = (int) Math.round((from >> 16 & 0xFF) * (1 - share) + (to >> 16 & 0xFF) * share);
        int g = (int) Math.round((from >> 8 & 0xFF) * (1 - share) + (to >> 8 & 0xFF) * share);
        int b = (int) Math.round((from & 0xFF) * (1 - share) + (to & 0xFF) * share);
        return r << 16 | g << 8 | b;
    }

    /** HSB to RGB, as java.awt.Color.HSBtoRGB does (without loading AWT). */
    private static int hsb(float hue, float saturation, float brightness) {
        float h = (hue - (float) Math.floor(hue)) * 6f;
        float f = h - (float) Math.floor(h);
        float p = brightness * (1 - saturation);
        float q = brightness * (1 - saturation * f);
        float t = brightness * (1 - saturation * (1 - f));
        float[] rgb = switch ((int) h) {
            case 0 -> new float[] {brightness, t, p};
            case 1 -> new float[] {q, brightness, p};
            case 2 -> new float[] {p, brightness, t};
            case 3 -> new float[] {p, q, brightness};
            case 4 -> new float[] {t, p, brightness};
            default -> new float[] {brightness, p, q};
        };
        return Math.round(rgb[0] * 255) << 16 | Math.round(rgb[1] * 255) << 8 | Math.round(rgb[2] * 255);
    }
}
