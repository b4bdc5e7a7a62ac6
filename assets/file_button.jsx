// A file picker in the reader's language. The browser's own button ("Choose File", "No file
// chosen") speaks the browser's language, not the app's: the input is hidden (still
// focusable, still labelled, its focus ring drawn on the label) behind a button-looking
// label in the app's words.
export function FileButton({ id, text, className = "btn btn-small", disabled, ...input }) {
  return (
    <>
      <input id={id} className="file-input" type="file" disabled={disabled} {...input} />
      <label htmlFor={id} className={disabled ? `${className} disabled` : className}>{text}</label>
    </>
  );
}
