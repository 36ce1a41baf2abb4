using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using HuaweiMigration.Client.Json;
using Newtonsoft.Json;

namespace HuaweiMigration.Client.Http
{
    /// <summary>An answer over <see cref="ResponseBody.MaxBytes"/>: refused while it is read, never held whole.</summary>
    internal sealed class ResponseTooLargeException : IOException
    {
        public ResponseTooLargeException(long? declared)
            : base(declared.HasValue
                ? "The answer declares " + declared.Value + " bytes, more than the " + ResponseBody.MaxBytes + " bytes (64 MB) any answer of this API needs."
                : "The answer is longer than the " + ResponseBody.MaxBytes + " bytes (64 MB) any answer of this API needs; it was not read further.")
        {
        }
    }

    /// <summary>
    /// A body that ended before its JSON document did: cut on the way (a proxy that closed cleanly), so asking again
    /// may bring it whole, as after a cut connection. An answer read whole that is not JSON is another matter.
    /// </summary>
    internal sealed class AnswerEndedEarlyException : JsonException
    {
        public AnswerEndedEarlyException(JsonException inner)
            : base("the answer ended before its JSON did: " + inner.Message, inner)
        {
        }
    }

    /// <summary>
    /// Reads an answer's body from the response stream as it arrives: a success straight into its model with
    /// Newtonsoft's reader (no byte array, no string of the whole body), an error body as text of at most
    /// <see cref="MaxErrorChars"/>. Every read is capped at <see cref="MaxBytes"/>.
    /// </summary>
    internal static class ResponseBody
    {
        /// <summary>The largest answer accepted: far more than a list page of 200 tasks needs.</summary>
        internal const long MaxBytes = 64L * 1024 * 1024;

        /// <summary>Error bodies are short; only this much is kept.</summary>
        internal const int MaxErrorChars = 64 * 1024;

        /// <summary>Opens the body, refusing at once one that declares more than the cap.</summary>
        internal static CappedStream Open(HttpResponseMessage message)
        {
            var declared = message.Content?.Headers.ContentLength;
            if (declared > MaxBytes) throw new ResponseTooLargeException(declared);
            var stream = message.Content is null ? Stream.Null : message.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
            return new CappedStream(stream, MaxBytes) { Declared = declared };
        }

        /// <summary>
        /// Parses a success body into <paramref name="type"/>; null for an empty body. A field of the wrong type inside
        /// an API object is put on its row (<see cref="UnreadableFields"/>) and the rest read on. Throws
        /// <see cref="JsonException"/> for a body that is not one whole JSON document, <see cref="AnswerEndedEarlyException"/>
        /// when the body ran out before its document did.
        /// </summary>
        internal static object? Parse(CappedStream body, Type type)
        {
            using var text = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: BufferFor(body));
            using var reader = new JsonTextReader(text) { CloseInput = false, DateParseHandling = DateParseHandling.None, ArrayPool = PooledChars.Instance };
            var fields = new UnreadableFields(ApiJson.Settings.ContractResolver!, () => body.EndReached);
            object? value;
            try
            {
                if (!reader.Read()) return null;
                value = ApiJson.ReaderFor(fields).Deserialize(reader, type);
            }
            catch (JsonException ex) when (body.EndReached)
            {
                // The reader asked for more than the body had: the answer was cut, though HTTP saw it end.
                throw new AnswerEndedEarlyException(ex);
            }
            if (reader.Read()) throw new JsonReaderException("Unexpected content after the JSON document (line " + reader.LineNumber + ", position " + reader.LinePosition + ").");
            fields.AttachTo(value);
            return value;
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>
        /// The reader's buffer: the answer's own length when it says so, up to 16 KB (a reader allocates its buffer
        /// three times over, as bytes and as chars, on every answer; a 2 KB task answer does not need 48 KB of it).
        /// </summary>
        private static int BufferFor(CappedStream body) =>
            body.Declared is long length ? (int)Math.Max(256, Math.Min(16 * 1024, length + 1)) : 16 * 1024;

        /// <summary>
        /// Newtonsoft's token buffers, from the shared pool instead of new on every answer; only small ones. A huge
        /// token (a hostile 100 MB string) gets a buffer of its own that goes with the answer: the shared pool would
        /// keep it for the life of the process.
        /// </summary>
        private sealed class PooledChars : IArrayPool<char>
        {
            private const int Largest = 16 * 1024;

            internal static readonly PooledChars Instance = new PooledChars();

            public char[] Rent(int minimumLength) =>
                minimumLength <= Largest ? System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength) : new char[minimumLength];

            public void Return(char[]? array)
            {
                if (array != null && array.Length <= Largest) System.Buffers.ArrayPool<char>.Shared.Return(array);
            }
        }

        /// <summary>The whole body as text (still capped at <see cref="MaxBytes"/>).</summary>
        internal static string ReadAllText(CappedStream body)
        {
            using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: BufferFor(body));
            return text.ReadToEnd();
        }

        /// <summary>Reads at most <see cref="MaxErrorChars"/> characters of an error body; the rest is not read.</summary>
        internal static string ReadText(CappedStream body)
        {
            using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096);
            var buffer = new char[MaxErrorChars];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = text.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            return new string(buffer, 0, total);
        }
    }

    /// <summary>A read-only stream that fails once more than its cap has been read, and counts what it gave.</summary>
    internal sealed class CappedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _cap;

        public CappedStream(Stream inner, long cap)
        {
            _inner = inner;
            _cap = cap;
        }

        /// <summary>Bytes read so far.</summary>
        public long BytesRead { get; private set; }

        /// <summary>The length the answer declared (Content-Length), when it did.</summary>
        public long? Declared { get; set; }

        /// <summary>True once a read found nothing more: the body has ended.</summary>
        public bool EndReached { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            if (read == 0 && count > 0) EndReached = true;
            BytesRead += read;
            if (BytesRead > _cap) throw new ResponseTooLargeException(null);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
