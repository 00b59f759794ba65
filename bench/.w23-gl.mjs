import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--use-angle=swiftshader","--enable-unsafe-swiftshader","--ignore-gpu-blocklist"] });
const page = await browser.newPage();
await page.goto("http://127.0.0.1:3223/track");
for (let i = 0; i < 2; i++) console.log(await page.evaluate(() => { const t = performance.now(); const c = document.createElement("canvas"); const g = c.getContext("webgl2"); return [performance.now() - t, !!g]; }));
await browser.close();
