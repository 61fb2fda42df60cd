#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes data/samples/sample.{zh_CN,en}.liaison from the seed article's
tables.  Run `liaison-cli format` on the result to get the canonical form
that is committed (the core tests check the committed files round-trip
byte for byte).  UUIDs are derived from names so regenerating is stable."""
import json, sys, uuid, os

NS = uuid.UUID("6f1e3a52-7c1b-4f0e-9a55-3d1f1b2c0a10")

def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))

CITIES = [  # (zh city, en city, zone, zh name, en name, zh role, en role)
    ("旧金山", "San Francisco", "America/Los_Angeles", "产品经理", "Product Manager", "产品经理", "Product manager"),
    ("纽约", "New York", "America/New_York", "性能工程师", "Performance Engineer", "性能工程师", "Performance engineer"),
    ("伦敦", "London", "Europe/London", "主持人", "Facilitator", "主持人", "Facilitator"),
    ("柏林", "Berlin", "Europe/Berlin", "安全工程师", "Security Engineer", "安全工程师", "Security engineer"),
    ("孟买", "Mumbai", "Asia/Kolkata", "测试工程师", "Test Engineer", "测试工程师", "Test engineer"),
    ("北京", "Beijing", "Asia/Shanghai", "推理工程师A", "Inference Engineer A", "推理工程师", "Inference engineer"),
    ("东京", "Tokyo", "Asia/Tokyo", "推理工程师B", "Inference Engineer B", "推理工程师", "Inference engineer"),
    ("悉尼", "Sydney", "Australia/Sydney", "文档工程师", "Technical Writer", "文档工程师", "Technical writer"),
]

REQS = [
    (("提高模型推理速度", "Improve model inference speed"), ("优化推理引擎性能", "Optimize inference engine performance"), "high",
     [("分析当前推理瓶颈", "Analyze the current inference bottlenecks"), ("优化KVCache管理", "Optimize KV cache management"),
      ("实现Continuous Batching", "Implement continuous batching"), ("优化GPU内存使用", "Optimize GPU memory use"),
      ("测试性能提升效果", "Measure the performance gain")]),
    (("降低推理成本", "Lower inference cost"), ("减少计算资源消耗", "Reduce compute resource consumption"), "medium",
     [("实现模型量化", "Implement model quantization"), ("优化批处理策略", "Optimize the batching strategy"),
      ("实现动态资源分配", "Implement dynamic resource allocation"), ("监控资源使用情况", "Monitor resource usage"),
      ("分析成本降低效果", "Analyze the cost reduction")]),
    (("支持多种模型", "Support more models"), ("实现模型兼容性", "Make the engine model-compatible"), "medium",
     [("设计模块化的模型加载机制", "Design a modular model loading mechanism"), ("支持主流模型格式", "Support the mainstream model formats"),
      ("实现模型自动适配", "Implement automatic model adaptation"), ("测试不同模型的兼容性", "Test compatibility across models"),
      ("提供模型支持文档", "Write the model support documentation")]),
]

AGENDA = [  # minutes, kind, zh title, en title, owners (indexes into ROLES)
    (10, "presentation", "会议开场和背景介绍", "Opening and background", ["host"]),
    (20, "discussion", "API功能需求讨论", "API functional requirements", ["pm"]),
    (30, "discussion", "API设计方案讨论", "API design proposal", ["ie"]),
    (15, "break", "休息", "Break", ["all"]),
    (30, "discussion", "性能和安全性需求讨论", "Performance and security requirements", ["perf", "sec"]),
    (15, "decision", "决策和行动项", "Decisions and action items", ["host"]),
    (10, "presentation", "会议总结和闭幕", "Summary and close", ["host"]),
]
ROLES = {"host": ("主持人", "Facilitator"), "pm": ("产品经理", "Product manager"), "ie": ("推理工程师", "Inference engineer"),
         "all": ("全体", "Everyone"), "perf": ("性能工程师", "Performance engineer"), "sec": ("安全工程师", "Security engineer")}

EVAL = [("会议准备充分性", "Preparation"), ("议程执行情况", "Agenda execution"), ("参会人员参与度", "Participation"),
        ("沟通效果", "Communication effectiveness"), ("决策质量", "Decision quality"), ("行动项明确性", "Clarity of action items"),
        ("时间管理", "Time management"), ("整体满意度", "Overall satisfaction")]

TREE = [
    (("项目概览", "Project overview"), [("项目背景", "Background"), ("项目目标", "Goals"), ("团队成员", "Team members"), ("项目计划", "Project plan")]),
    (("技术文档", "Technical documentation"), [("架构设计", "Architecture"), ("API设计", "API design"), ("性能优化", "Performance optimization"), ("安全设计", "Security design")]),
    (("用户手册", "User manual"), [("快速开始", "Quick start"), ("安装指南", "Installation guide"), ("配置指南", "Configuration guide"), ("API参考", "API reference")]),
    (("会议纪要", "Meeting minutes"), [("周会纪要", "Weekly meeting minutes"), ("API设计会议", "API design meeting"), ("性能优化会议", "Performance optimization meeting")]),
]

AREAS = [
    ("需求翻译", "Requirement translation", "能够在不同领域之间进行需求转化和沟通", "Turns needs from one domain into the terms of another and communicates them"),
    ("API设计会议", "API design meetings", "能够有效地参与和主导API设计会议", "Takes part in and leads API design meetings effectively"),
    ("Jira项目管理", "Jira project management", "能够使用Jira进行项目管理和任务跟踪", "Uses Jira to manage projects and track tasks"),
    ("Confluence文档管理", "Confluence documentation", "能够使用Confluence进行文档管理和知识共享", "Uses Confluence to manage documents and share knowledge"),
    ("跨时区协作", "Cross-time-zone collaboration", "能够有效地进行跨时区沟通和协作", "Communicates and collaborates effectively across time zones"),
    ("跨文化沟通", "Cross-cultural communication", "能够与不同文化背景的团队成员有效沟通", "Communicates effectively with team members from other cultures"),
    ("团队协作", "Teamwork", "能够与不同团队有效协作,共同完成项目", "Works with other teams to deliver a project together"),
    ("沟通技巧", "Communication skills", "具备良好的沟通技巧,能够清晰表达想法", "Communicates well and expresses ideas clearly"),
    ("倾听能力", "Listening", "能够积极倾听他人的意见和建议", "Listens actively to others' opinions and suggestions"),
    ("冲突处理", "Conflict resolution", "能够有效地处理团队冲突和分歧", "Resolves team conflicts and disagreements effectively"),
]

def F(name, type_, desc, required=False, default=None, minimum=None, maximum=None, items="", ref=""):
    return dict(name=name, type=type_, items=items, ref=ref, required=required, default=default,
                minimum=minimum, maximum=maximum, description=desc)

CONTRACTS = [
    ("Message", ("聊天消息模型", "A chat message"), [
        F("role", "string", ("消息角色:system, user, assistant", "Message role: system, user, assistant"), True),
        F("content", "string", ("消息内容", "Message content"), True)]),
    ("ChatRequest", ("聊天请求模型", "A chat request"), [
        F("model", "string", ("模型名称", "Model name"), True),
        F("messages", "array", ("聊天消息列表", "The chat messages"), True, items="Message"),
        F("temperature", "number", ("温度参数", "Sampling temperature"), False, 0.7, 0.0, 2.0),
        F("top_p", "number", ("核采样参数", "Nucleus sampling parameter"), False, 0.95, 0.0, 1.0),
        F("n", "integer", ("生成结果数量", "Number of results to generate"), False, 1, 1, 10),
        F("stream", "boolean", ("是否流式输出", "Whether to stream the output"), False, False),
        F("max_tokens", "integer", ("最大生成Token数", "Maximum number of tokens to generate"), False, 1024, 1, 4096),
        F("presence_penalty", "number", ("存在惩罚", "Presence penalty"), False, 0.0, -2.0, 2.0),
        F("frequency_penalty", "number", ("频率惩罚", "Frequency penalty"), False, 0.0, -2.0, 2.0)]),
    ("Choice", ("生成结果选项", "One generated choice"), [
        F("index", "integer", ("选项索引", "Index of the choice"), True),
        F("message", "object", ("生成的消息", "The generated message"), True, ref="Message"),
        F("finish_reason", "string", ("生成结束原因", "Why generation finished"), True)]),
    ("ChatResponse", ("聊天响应模型", "A chat response"), [
        F("id", "string", ("响应ID", "Response ID"), True),
        F("object", "string", ("对象类型", "Object type"), False, "chat.completion"),
        F("created", "integer", ("创建时间戳", "Creation timestamp"), True),
        F("model", "string", ("模型名称", "Model name"), True),
        F("choices", "array", ("生成结果选项列表", "The generated choices"), True, items="Choice"),
        F("usage", "object", ("Token使用情况", "Token usage"), True)]),
]

# The seed's request is OpenAI's chat format: POST /v1/chat/completions.
ENDPOINTS = {"ChatRequest": ("/v1/chat/completions", "ChatResponse")}

# Two dated self-assessments, so the history and the chart have something
# to show; the scores are an example, not the seed's.
ASSESSMENT_SCORES = [("2025-12-15", [3, 2, 3, 2, 2, 3, 3, 3, 4, 2]),
                     ("2026-01-19", [4, 3, 3, 3, 2, 3, 4, 3, 4, 3])]

def build(lang):
    z = 0 if lang == "zh_CN" else 1
    L = lambda pair: pair[z]
    members = []
    for c in CITIES:
        members.append(dict(id=uid("member", c[1]), name=c[3 + z], role=c[5 + z], city=c[z], timezone=c[2],
                            work_start="09:00", work_end="18:00", work_days=["mon", "tue", "wed", "thu", "fri"]))
    owner = CITIES[5][3 + z]
    requirements = []
    for i, (b, t, prio, steps) in enumerate(REQS):
        requirements.append(dict(id=uid("req", str(i)), business_need=L(b), technical_need=L(t), owner=owner,
                                 priority=prio, status="draft", rationale="",
                                 steps=[dict(id=uid("req", str(i), "step", str(j)), text=L(s), owner="", status="todo")
                                        for j, s in enumerate(steps)]))
    agenda = [dict(id=uid("agenda", str(i)), title=a[2 + z], duration=a[0], kind=a[1],
                   owners=[ROLES[o][z] for o in a[4]], notes="") for i, a in enumerate(AGENDA)]
    evaluation = dict(id=uid("evaluation"), ratings=[dict(id=uid("eval", str(i)), name=L(d), criterion="", score=0, note="")
                                                     for i, d in enumerate(EVAL)], comments="")
    meeting = dict(id=uid("meeting"), title=("API设计会议", "API design meeting")[z], start="2026-01-20T09:00",
                   timezone="Asia/Shanghai", duration=130, location=("视频会议", "Video call")[z],
                   goal=("评审vLLM Chat API的设计方案", "Review the design of the vLLM Chat API")[z],
                   attendees=[m["id"] for m in members], recurrence="none", agenda=agenda, minutes="",
                   decisions=[], action_items=[], evaluation=evaluation)
    task = dict(id=uid("task"), project=("vLLM推理引擎", "vLLM inference engine")[z], type=("故事", "Story")[z],
                summary=("实现Continuous Batching功能", "Implement continuous batching")[z],
                description=("1. 设计Continuous Batching架构\n2. 实现Scheduler调度算法\n3. 优化GPU内存使用\n4. 测试性能提升效果",
                             "1. Design the continuous batching architecture\n2. Implement the scheduler algorithm\n3. Optimize GPU memory use\n4. Measure the performance gain")[z],
                priority="high", assignee=owner, due="2026-03-31", epic=("性能优化", "Performance optimization")[z],
                labels=[], status="todo")
    api_body = (
        ("# API设计\n\nvLLM Chat API 沿用 OpenAI 的对话格式,字段在 [API设计会议](<page:API设计会议>) 上评审。\n\n"
         "| 字段 | 类型 | 默认值 |\n|---|---|---|\n| model | string | |\n| temperature | number | 0.7 |\n"
         "| top_p | number | 0.95 |\n| max_tokens | integer | 1024 |\n\n- **流式输出**:`stream` 默认为 false\n- 兼容现有客户端\n"),
        ("# API design\n\nThe vLLM Chat API follows the OpenAI chat format; its fields were reviewed in the "
         "[API design meeting](<page:API design meeting>).\n\n"
         "| Field | Type | Default |\n|---|---|---|\n| model | string | |\n| temperature | number | 0.7 |\n"
         "| top_p | number | 0.95 |\n| max_tokens | integer | 1024 |\n\n- **Streaming**: `stream` defaults to false\n- Compatible with existing clients\n"),
    )[z]
    def page(key, title, children=()):
        body = api_body if key.endswith("/API design") else "# " + title + "\n"
        return dict(id=uid("page", key), title=title, body=body, updated="", children=list(children))
    root = page("root", ("vLLM推理引擎文档", "vLLM inference engine documentation")[z],
                [page(L(sec), L(sec), [page(L(sec) + "/" + c[1], L(c)) for c in kids]) for sec, kids in TREE])
    contracts = []
    for name, desc, fields in CONTRACTS:
        endpoint = ENDPOINTS.get(name, ("", ""))
        contracts.append(dict(id=uid("contract", name), name=name, description=L(desc),
                              path=endpoint[0], method="post", response=endpoint[1],
                              fields=[dict(id=uid("contract", name, f["name"]), name=f["name"], type=f["type"],
                                           items=f["items"], ref=f["ref"], required=f["required"], default=f["default"],
                                           minimum=f["minimum"], maximum=f["maximum"], exclusive_minimum=False,
                                           exclusive_maximum=False, min_length=-1, max_length=-1, pattern="",
                                           choices=[], description=L(f["description"])) for f in fields]))
    assessments = [dict(id=uid("assessment") if n == len(ASSESSMENT_SCORES) - 1 else uid("assessment", date), date=date,
                        ratings=[dict(id=uid("area", str(i)) if n == len(ASSESSMENT_SCORES) - 1 else uid("area", date, str(i)),
                                      name=a[z], criterion=a[2 + z], score=scores[i], note="")
                                 for i, a in enumerate(AREAS)], note="")
                   for n, (date, scores) in enumerate(ASSESSMENT_SCORES)]
    return {"format": "liaison-workspace", "version": 1,
            "title": ("vLLM推理引擎", "vLLM inference engine")[z],
            "members": members, "requirements": requirements, "meetings": [meeting], "tasks": [task],
            "pages": [root], "contracts": contracts, "assessments": assessments}

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "samples")
    for lang in ("zh_CN", "en"):
        with open(os.path.join(out, f"sample.{lang}.liaison"), "w", encoding="utf-8") as f:
            json.dump(build(lang), f, ensure_ascii=False, indent=2)
            f.write("\n")
