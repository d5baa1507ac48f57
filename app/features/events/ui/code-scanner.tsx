import { useEffect, useRef, useState } from "react";
import { useI18n } from "~/i18n/context";

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };

/**
 * Reads a personal QR code with the phone's camera and sends it through the code form
 * (`formId`), so a scan is checked exactly like a typed code. The browser's own
 * BarcodeDetector is used where it exists (Chrome on Android); elsewhere jsQR, loaded only
 * when the camera is opened (decision 017). Shown only when the browser can open a camera.
 */
export function CodeScanner(props: { formId: string }) {
  const { t } = useI18n();
  const [supported, setSupported] = useState(false);
  const [state, setState] = useState<"idle" | "scanning" | "failed">("idle");
  const videoRef = useRef<HTMLVideoElement>(null);
  const stopRef = useRef<() => void>(() => {});

  useEffect(() => {
    setSupported(typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia);
    return () => stopRef.current();
  }, []);

  async function start() {
    const video = videoRef.current;
    if (!video) return;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
    } catch {
      setState("failed");
      return;
    }
    setState("scanning");
    video.srcObject = stream;
    await video.play().catch(() => {});
    let stopped = false;
    const stop = () => {
      stopped = true;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    };
    stopRef.current = stop;
    const read = await makeReader();
    const tick = async () => {
      if (stopped) return;
      const text = video.readyState >= 2 ? await read(video).catch(() => null) : null;
      if (text) {
        stop();
        setState("idle");
        submit(text);
        return;
      }
      setTimeout(tick, 200);
    };
    void tick();
  }

  function submit(text: string) {
    const form = document.getElementById(props.formId);
    if (!(form instanceof HTMLFormElement)) return;
    const input = form.elements.namedItem("code");
    if (input instanceof HTMLInputElement) input.value = text;
    form.requestSubmit();
  }

  if (!supported) return null;
  return (
    <div className="stack code-scanner">
      {state === "scanning" ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            stopRef.current();
            setState("idle");
          }}
        >
          {t("events.checkIn.stopCamera")}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          {t("events.checkIn.scan")}
        </button>
      )}
      {state === "failed" ? <p className="error">{t("events.checkIn.cameraFailed")}</p> : null}
      <video
        ref={videoRef}
        muted
        playsInline
        hidden={state !== "scanning"}
        className="scanner-video"
      />
    </div>
  );
}

/** A function reading a QR code from the current video frame (null: none in view). */
async function makeReader(): Promise<(video: HTMLVideoElement) => Promise<string | null>> {
  const Native = (globalThis as { BarcodeDetector?: new (o: object) => Detector }).BarcodeDetector;
  if (Native) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context) return null;
    // A smaller frame reads as well and keeps a cheap phone responsive.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, 1));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}
