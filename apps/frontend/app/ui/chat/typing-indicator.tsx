/** Three dots while the assistant answers; read out once as "Assistant is typing". */
export function TypingIndicator() {
  return (
    <div className="flex justify-start" data-testid="typing-indicator">
      <div className="flex items-center gap-1 rounded-2xl rounded-bl-md bg-slate-100 px-4 py-3">
        <span className="sr-only">Assistant is typing…</span>
        {/* Delays as classes, not style attributes: the CSP allows no inline styles. */}
        {['[animation-delay:0ms]', '[animation-delay:150ms]', '[animation-delay:300ms]'].map(
          (delay) => (
            <span
              key={delay}
              aria-hidden="true"
              className={`size-1.5 rounded-full bg-slate-500 motion-safe:animate-typing ${delay}`}
            />
          ),
        )}
      </div>
    </div>
  );
}
