/* global Bun */
// Bundles one browser module and its imports into one minified classic script (IIFE), with
// Bun's bundler (run by pwa/build/browser_modules.py, in the web directory whose
// node_modules hold qrcode-generator): `bun tools/bundle-browser.mjs ENTRY [OUTFILE]`;
// without OUTFILE the script goes to stdout.
//
// One change to qrcode-generator on the way (the card's early paint only; the app's bundle
// keeps the library as published): a code whose `fixedMask` is set (0-7) is made with that
// mask. The library otherwise makes the code eight times, once per mask, and scores each for
// the one a scanner reads best: most of the time a cold first code takes on a slow phone.
// Any of the eight masks is a valid QR code (the mask is written in the code's format
// information, which every reader decodes first).
const [entry, outfile] = process.argv.slice(2);

const QR_MAKE = "makeImpl(false, getBestMaskPattern() );";
const fixedMask = {
  name: "qrcode-generator-fixed-mask",
  setup(build) {
    build.onLoad({ filter: /qrcode-generator[\\/]dist[\\/]qrcode\.m?js$/ }, async (args) => {
      const source = await Bun.file(args.path).text();
      if (!source.includes(QR_MAKE)) {
        throw new Error(`${args.path}: "${QR_MAKE}" not found (qrcode-generator changed?)`);
      }
      return {
        contents: source.replace(QR_MAKE,
          "makeImpl(false, _this.fixedMask >= 0 && _this.fixedMask < 8 ? _this.fixedMask : getBestMaskPattern() );"),
        loader: "js",
      };
    });
  },
};

const result = await Bun.build({
  entrypoints: [entry], format: "iife", target: "browser", minify: true, plugins: [fixedMask],
});
if (!result.success) {
  result.logs.forEach((log) => console.error(log));
  process.exit(1);
}
const text = await result.outputs[0].text();
if (outfile) await Bun.write(outfile, text);
else process.stdout.write(text);
