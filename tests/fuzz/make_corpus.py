#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the test
fixtures: the small reference files beside the repository, the built-in template catalogue,
and files made here (safetensors, PNG, name lists) or by rashisa-cli (projects, template
exports, JPEG photos need ImageMagick's `convert`). Run it again after a format changes:
    tests/fuzz/make_corpus.py [--cli build/app/cli/rashisa-cli] [--reference ../shared/reference]
Files are replaced, never appended; the whole corpus stays well under 1 MB."""
import argparse
import json
import pathlib
import shutil
import struct
import subprocess
import tempfile
import zlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DTYPES = {"BOOL": 1, "U8": 1, "I8": 1, "I16": 2, "U16": 2, "I32": 4, "U32": 4, "I64": 8, "U64": 8,
          "F16": 2, "BF16": 2, "F32": 4, "F64": 8, "F8_E4M3": 1, "F8_E5M2": 1}


def out_dir(target):
    d = HERE / "corpus" / target
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


def safetensors_bytes(tensors, metadata=None):
    """tensors: list of (name, dtype, shape); data bytes are a counting pattern."""
    header, offset, data = {}, 0, b""
    for name, dtype, shape in tensors:
        n = DTYPES[dtype]
        for d in shape:
            n *= d
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + n]}
        data += bytes(i % 251 for i in range(n))
        offset += n
    if metadata is not None:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def make_safetensors(reference):
    d = out_dir("safetensors")
    (d / "empty.safetensors").write_bytes(safetensors_bytes([]))
    (d / "one.safetensors").write_bytes(safetensors_bytes([("w", "F32", [2, 3])], {"format": "pt"}))
    (d / "every_dtype.safetensors").write_bytes(
        safetensors_bytes([(f"t.{k.lower()}", k, [2, 2]) for k in DTYPES]))
    (d / "scalar_and_zero.safetensors").write_bytes(
        safetensors_bytes([("a", "F16", []), ("b", "I64", [0, 5]), ("c", "BF16", [3])]))
    (d / "pickle_proto2.bin").write_bytes(b"\x80\x02}q\x00.")
    (d / "zip.pt").write_bytes(b"PK\x03\x04" + b"\x00" * 26)
    small = reference / "cases" / "sd15_unet_nonsquare.safetensors"
    if small.is_file():
        shutil.copy(small, d / small.name)


def make_diffusers_json(reference):
    d = out_dir("diffusers_json")
    model = reference / "models" / "tiny-sd15"
    for rel in ["model_index.json", "unet/config.json", "vae/config.json", "text_encoder/config.json",
                "scheduler/scheduler_config.json", "unet/diffusion_pytorch_model.safetensors.index.json"]:
        if (model / rel).is_file():
            shutil.copy(model / rel, d / rel.replace("/", "_"))
    (d / "python_flavoured.json").write_bytes(
        b'{"_class_name": "DPMSolverMultistepScheduler", "lambda_min_clipped": -Infinity, '
        b'"x": NaN, "y": Infinity, "s": "NaN \\" Infinity", "list": [1, -1e308, null, true]}')


def ldm_full_size(sd2):
    """The tensors the single-file loader reads (tests/model_io/test_ldm_configs.cpp full_size)."""
    u, v, s = "model.diffusion_model.", "first_stage_model.", {}
    ctx, ch = (1024 if sd2 else 768), [320, 640, 1280, 1280]
    s[u + "input_blocks.0.0.weight"] = [320, 4, 3, 3]
    s[u + "out.2.weight"] = [4, 320, 3, 3]
    for b in range(4):
        first = 1 + 3 * b
        for l in range(2):
            res = f"{u}input_blocks.{first + l}."
            s[res + "0.out_layers.3.weight"] = [ch[b], ch[b], 3, 3]
            if b < 3:
                s[res + "1.proj_in.weight"] = [ch[b], ch[b]] if sd2 else [ch[b], ch[b], 1, 1]
                s[res + "1.transformer_blocks.0.norm1.weight"] = [ch[b]]
                s[res + "1.transformer_blocks.0.attn2.to_k.weight"] = [ch[b], ctx]
        if b < 3:
            s[f"{u}input_blocks.{first + 2}.0.op.weight"] = [ch[b], ch[b], 3, 3]
        if b > 0:
            s[f"{u}output_blocks.{3 * b}.1.proj_in.weight"] = [ch[3 - b], ch[3 - b]]
    s[u + "middle_block.1.proj_in.weight"] = [1280, 1280]
    vch = [128, 256, 512, 512]
    for i in range(4):
        for j in range(2):
            s[f"{v}encoder.down.{i}.block.{j}.conv1.weight"] = [vch[i], vch[i - 1] if i else 128, 3, 3]
    s[v + "encoder.conv_in.weight"] = [128, 3, 3, 3]
    s[v + "decoder.conv_out.weight"] = [3, 128, 3, 3]
    s[v + "post_quant_conv.weight"] = [4, 4, 1, 1]
    if not sd2:
        t = "cond_stage_model.transformer.text_model."
        s[t + "embeddings.token_embedding.weight"] = [49408, 768]
        s[t + "embeddings.position_embedding.weight"] = [77, 768]
        for l in range(12):
            s[f"{t}encoder.layers.{l}.mlp.fc1.weight"] = [3072, 768]
    else:
        t = "cond_stage_model.model."
        s[t + "token_embedding.weight"] = [49408, 1024]
        s[t + "positional_embedding"] = [77, 1024]
        for l in range(24):
            s[f"{t}transformer.resblocks.{l}.mlp.c_fc.weight"] = [4096, 1024]
            s[f"{t}transformer.resblocks.{l}.attn.in_proj_weight"] = [3072, 1024]
    return s


def shape_lines(shapes):
    return "".join(f"{k}={','.join(map(str, v))}\n" for k, v in sorted(shapes.items())).encode()


def make_ldm_names():
    d = out_dir("ldm_names")
    (d / "sd15_full_size.txt").write_bytes(shape_lines(ldm_full_size(False)))
    (d / "sd21_full_size.txt").write_bytes(shape_lines(ldm_full_size(True)))
    source = (ROOT / "tests" / "model_io" / "test_ldm_names.cpp").read_text(encoding="utf-8")
    import re
    keys = sorted(set(re.findall(r'"((?:model\.diffusion_model|first_stage_model|cond_stage_model|encoder|decoder)'
                                 r'\.[A-Za-z0-9_.]+)"', source)))
    (d / "test_ldm_names_keys.txt").write_bytes("".join(k + "\n" for k in keys).encode())
    (d / "lora.txt").write_bytes(b"lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight=4,320\n")
    (d / "sdxl.txt").write_bytes(b"conditioner.embedders.0.transformer.text_model.embeddings.token_embedding.weight=49408,768\n")


def png_bytes(width, height, color_type, bit_depth=8):
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
    row = bytes((x * 37 + c * 91) % 256 for x in range(width) for c in range(channels * bit_depth // 8))
    raw = b"".join(b"\x00" + row for _ in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def convert(args):
    if shutil.which("convert") is None:
        return False
    subprocess.run(["convert", *args], check=True, stdout=subprocess.DEVNULL)
    return True


def make_media_import():
    d = out_dir("media_import")
    (d / "gray.png").write_bytes(png_bytes(16, 12, 0))
    (d / "rgb.png").write_bytes(png_bytes(20, 16, 2))
    (d / "rgba.png").write_bytes(png_bytes(16, 16, 6))
    (d / "rgb16.png").write_bytes(png_bytes(8, 8, 2, 16))
    convert(["-size", "24x16", "gradient:red-blue", "-quality", "80", str(d / "plain.jpg")])
    convert(["-size", "16x24", "gradient:white-green", "-orient", "right-top", str(d / "rotated.jpg")])
    convert(["-size", "16x16", "plasma:fractal", "-seed", "1", str(d / "plasma.webp")])
    convert(["-size", "12x12", "xc:orange", str(d / "flat.bmp")])
    convert(["-size", "12x12", "gradient:", "-compress", "lzw", str(d / "gray.tif")])


def make_templates_and_projects(cli):
    dj, dc, dp = out_dir("template_json"), out_dir("template_csv"), out_dir("project_open")
    shutil.copy(ROOT / "resources" / "templates" / "catalogue.json", dj / "catalogue.json")
    (dj / "small.json").write_bytes(
        '{"format":"rashisa-templates/1","templates":[{"id":"a","label":{"ja":"あ"},"prompt":"{product} {x}",'
        '"variables":[{"name":"x","values":["one",{"value":"two","label":{"en":"Two","ja":"二"}}]}]}]}'.encode())
    head = "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,images_per_prompt,var.bg\r\n"
    (dc / "small.csv").write_bytes(("\ufeff" + head + 'a,"Rich, ""quoted""",あ,{product} on {bg},,512,512,30,7.5,'
                                    'dpmpp-2m,1,white|pipe \\| and \\\\ slash\r\n').encode())
    if cli is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run([cli, "project", "new", str(tmp / "p.rashisa")], check=True, stdout=subprocess.DEVNULL)
        shutil.copy(tmp / "p.rashisa", dp / "catalogue.rashisa")
        subprocess.run([cli, "project", "templates", str(tmp / "p.rashisa"), "--save", str(dj / "exported.json")],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([cli, "project", "templates", str(tmp / "p.rashisa"), "--save", str(dc / "exported.csv")],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([cli, "project", "new", str(tmp / "e.rashisa"), "--no-templates"], check=True,
                       stdout=subprocess.DEVNULL)
        (tmp / "photo.png").write_bytes(png_bytes(64, 64, 2))
        subprocess.run([cli, "project", "add-photos", str(tmp / "e.rashisa"), str(tmp / "photo.png")],
                       stdout=subprocess.DEVNULL)
        shutil.copy(tmp / "e.rashisa", dp / "one_photo.rashisa")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", help="rashisa-cli, for the project and template-export seeds")
    parser.add_argument("--reference", default=str(ROOT.parent / "shared" / "reference"))
    args = parser.parse_args()
    reference = pathlib.Path(args.reference)
    make_safetensors(reference)
    make_diffusers_json(reference)
    make_ldm_names()
    make_media_import()
    make_templates_and_projects(args.cli)
    total = sum(f.stat().st_size for f in (HERE / "corpus").rglob("*") if f.is_file())
    print(f"corpus: {total} bytes")


if __name__ == "__main__":
    main()
