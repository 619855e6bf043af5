// What `pnpm dev 09` prints about its http2 path's certificate, in the class's language
// (`pnpm dev 09 --lang zh` sets WORKSHOP_LANG=zh).
import { type ServerLanguage, serverLanguage } from "@workshop/server-kit/lesson-server-text";

interface StartLines {
  certificate(file: string): string;
  newCertificate(): string;
}

// Typed as StartLines in both languages: one missing a line does not compile.
const LINES: Record<ServerLanguage, StartLines> = {
  en: {
    certificate: (file) => `The http2 path's certificate (the same for 30 days): ${file}`,
    newCertificate: () =>
      "It is new: open the http2 URL above once and accept it (the page's HTTP/2 row waits until then).",
  },
  zh: {
    certificate: (file) => `http2 路径的证书（30 天内不变）：${file}`,
    newCertificate: () =>
      "这是新证书：先在浏览器里打开上面的 http2 地址，接受一次（页面上 HTTP/2 那一行会一直等到那时）。",
  },
};

export const startLines = (language = serverLanguage()): StartLines => LINES[language];
